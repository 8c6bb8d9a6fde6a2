/**
 * The arithmetic of a fixed-row-height virtual list: which rows to render for
 * a scroll position. Kept apart from the element so it can be tested exactly
 * and reused by any long list.
 */

export interface RowWindow {
  /** Index of the first rendered row. */
  first: number;
  /** One past the last rendered row. */
  end: number;
  /** Pixels of empty space above the first rendered row. */
  before: number;
  /** Pixels of empty space below the last rendered row. */
  after: number;
}

export interface WindowInput {
  /** Rows in the whole (filtered) list. */
  count: number;
  /** Height of one row in CSS pixels, > 0. */
  rowHeight: number;
  /** `scrollTop` of the scroller, measured from the first row. */
  scrollTop: number;
  /** Visible height of the scroller. */
  viewportHeight: number;
  /** Extra rows rendered above and below the visible ones, so fast scrolling shows no gap. */
  overscan?: number;
}

/**
 * The rows to render. The result never holds more than
 * `ceil(viewportHeight / rowHeight) + 1 + 2 * overscan` rows, whatever `count`.
 *
 * @example
 * ```ts
 * rowWindow({ count: 10000, rowHeight: 32, scrollTop: 3200, viewportHeight: 320, overscan: 5 });
 * // { first: 95, end: 116, before: 3040, after: 316288 }
 * ```
 */
export function rowWindow(input: WindowInput): RowWindow {
  const { count, rowHeight } = input;
  const overscan = Math.max(0, Math.floor(input.overscan ?? 8));
  if (count <= 0 || !(rowHeight > 0)) return { first: 0, end: 0, before: 0, after: 0 };
  const viewport = Math.max(0, input.viewportHeight);
  const maxScroll = Math.max(0, count * rowHeight - viewport);
  // Overscroll (elastic scrolling, a list that just shrank) must not push the window past the end.
  const top = Math.min(Math.max(0, input.scrollTop), maxScroll);
  const firstVisible = Math.floor(top / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(count, firstVisible + visible + overscan);
  return { first, end, before: first * rowHeight, after: (count - end) * rowHeight };
}

/** The most rows `rowWindow` can return for a viewport: the bound the tests hold the DOM to. */
export function maxWindowRows(viewportHeight: number, rowHeight: number, overscan = 8): number {
  return Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1 + 2 * overscan;
}

/**
 * The scrollTop that brings row `index` fully into view, or undefined when it
 * already is. Used for keyboard navigation between rows.
 *
 * @example scrollTopFor(50, 32, 0, 320) // 1312: row 50 at the bottom edge
 */
export function scrollTopFor(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number | undefined {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return undefined;
}
