/** A review found in prose, before its fields are read: where it is told and how it is named. */
import type { ReviewType } from '../../../graph/records.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Draft {
  span: Span;
  title: string | null;
  child: string | null;
  area: string | null;
  reviewType?: ReviewType;
  /** The publication year the layout itself prints for this review (a reading list's imprint). */
  year?: number;
  mentions: Span[];
}
