/**
 * schema.org types whose reviews and ratings Google treats as self-serving when a site publishes them about its own
 * business (Search Central, 2019-09-16): Organization, LocalBusiness and their common subtypes. `<SocialProof>` emits
 * no review JSON-LD for them and the audit's `ld-self-serving` rule flags them: one list for both.
 */
export const SELF_SERVING_REVIEW_TYPES: ReadonlySet<string> = new Set([
  'Organization',
  'Corporation',
  'NGO',
  'EducationalOrganization',
  'OnlineBusiness',
  'OnlineStore',
  'LocalBusiness',
  'Store',
  'ShoppingCenter',
  'Restaurant',
  'FoodEstablishment',
  'CafeOrCoffeeShop',
  'Bakery',
  'BarOrPub',
  'LodgingBusiness',
  'Hotel',
  'ProfessionalService',
  'LegalService',
  'Attorney',
  'FinancialService',
  'InsuranceAgency',
  'RealEstateAgent',
  'TravelAgency',
  'EmploymentAgency',
  'MedicalBusiness',
  'Dentist',
  'HealthAndBeautyBusiness',
  'BeautySalon',
  'DaySpa',
  'HomeAndConstructionBusiness',
  'Plumber',
  'Electrician',
  'AutomotiveBusiness',
  'AutoRepair',
  'SportsActivityLocation',
  'EntertainmentBusiness',
  'ChildCare',
  'DryCleaningOrLaundry',
  'SelfStorage',
]);

/** True when any of the types is one a business would use for itself (see SELF_SERVING_REVIEW_TYPES). */
export function isSelfServingReviewType(types: string | readonly string[]): boolean {
  return (typeof types === 'string' ? [types] : types).some((type) => SELF_SERVING_REVIEW_TYPES.has(type));
}
