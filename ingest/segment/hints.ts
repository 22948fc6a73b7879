/**
 * Structure hints from the readers (headings, list items, paragraphs). Segmentation treats them as
 * optional help and works from the text alone when they are crude or absent.
 */
export type { StructureHint } from '../read/types.ts';
