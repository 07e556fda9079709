import type { Rule } from '../types.ts';
import { choiceInvalid } from './choice-invalid.ts';
import { countdownA11y } from './countdown-a11y.ts';
import { countdownEvergreen } from './countdown-evergreen.ts';
import { countdownExpired } from './countdown-expired.ts';
import { countdownNoTerms } from './countdown-no-terms.ts';
import { ctaBelowFold } from './cta-below-fold.ts';
import { ctaDeadTarget } from './cta-dead-target.ts';
import { ctaDefaultSubmit } from './cta-default-submit.ts';
import { ctaDuplicateId } from './cta-duplicate-id.ts';
import { ctaGenericText } from './cta-generic-text.ts';
import { ctaLabelInName } from './cta-label-in-name.ts';
import { ctaName } from './cta-name.ts';
import { ctaNestedInteractive } from './cta-nested-interactive.ts';
import { ctaSameNameDiffTarget } from './cta-same-name-diff-target.ts';
import { ctaUnderperforming } from './cta-underperforming.ts';
import { ctaUntracked } from './cta-untracked.ts';
import { experimentArmNoCta } from './experiment-arm-no-cta.ts';
import { experimentDestinationsDiffer } from './experiment-destinations-differ.ts';
import { experimentDuplicateName } from './experiment-duplicate-name.ts';
import { experimentEndedStillSplitting } from './experiment-ended-still-splitting.ts';
import { ldInvalidJson } from './ld-invalid-json.ts';
import { ldRatingBounds } from './ld-rating-bounds.ts';
import { ldReviewRequired } from './ld-review-required.ts';
import { ldSelfServing } from './ld-self-serving.ts';
import { ldVisibleMismatch } from './ld-visible-mismatch.ts';
import { offerPersonalisedUndisclosed } from './offer-personalised-undisclosed.ts';
import { offerUnknownItem } from './offer-unknown-item.ts';
import { pageMultiplePrimary } from './page-multiple-primary.ts';
import { pageNoCta } from './page-no-cta.ts';
import { scarcityUnsourced } from './scarcity-unsourced.ts';
import { testimonialUnattributed } from './testimonial-unattributed.ts';

export { examplePage } from './example-page.ts';

/** Every rule the audit knows, grouped by category, in the order their findings are reported. */
export const rules: readonly Rule[] = [
  // structure
  pageNoCta,
  pageMultiplePrimary,
  ctaBelowFold,
  ctaDeadTarget,
  ctaUntracked,
  ctaDuplicateId,
  // offers and experiments
  choiceInvalid,
  experimentArmNoCta,
  experimentDestinationsDiffer,
  experimentEndedStillSplitting,
  experimentDuplicateName,
  offerUnknownItem,
  ctaUnderperforming,
  // accessibility
  ctaName,
  ctaLabelInName,
  ctaNestedInteractive,
  ctaSameNameDiffTarget,
  countdownA11y,
  // copy
  ctaGenericText,
  ctaDefaultSubmit,
  // honesty
  countdownExpired,
  countdownEvergreen,
  countdownNoTerms,
  scarcityUnsourced,
  testimonialUnattributed,
  offerPersonalisedUndisclosed,
  // structured data
  ldInvalidJson,
  ldReviewRequired,
  ldRatingBounds,
  ldVisibleMismatch,
  ldSelfServing,
];
