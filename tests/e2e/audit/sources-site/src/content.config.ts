import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// Blog posts rendered through src/pages/blog/[slug].astro: their source is the Markdown file, in the build and in
// cta-audit alike, and so are their frontmatter opt-outs.
export const collections = {
  blog: defineCollection({ loader: glob({ pattern: '*.md', base: './src/content/blog' }) }),
};
