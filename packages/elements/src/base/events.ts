/**
 * Every public event of the cen-kit elements with its `detail`. All are
 * CustomEvents that bubble and are composed (they cross shadow roots), so a
 * portal can listen once on `document`.
 */

/** One network on a CEN instance, as the attach form names it. */
export interface AttachmentDetail {
  CenId: string;
  ChildInstanceId: string;
  ChildInstanceType: 'VPC' | 'VBR' | 'CCN';
  ChildInstanceRegionId: string;
  /** Set for another account's network (a string of digits, exact). */
  ChildInstanceOwnerId?: string;
}

export interface CenEventMap {
  /** A CEN instance was chosen (click, Enter or Space on a row). */
  'cen-select': { CenId: string };
  /** A page of data arrived. */
  'cen-load': { TotalCount: number; PageNumber: number; count: number };
  /** A call failed; the element shows it too. */
  'cen-error': { action: string; Code: string; message: string; RequestId?: string | undefined };
  /** The copy button copied (or failed to copy) an ID. */
  'cen-copy': { text: string; ok: boolean };
  /** CreateCen succeeded (the instance may still be Creating). */
  'cen-created': { CenId: string };
  /** ModifyCenAttribute succeeded. */
  'cen-modified': { CenId: string; Name: string; Description: string };
  /** DeleteCen succeeded (the instance may still be Deleting). */
  'cen-deleted': { CenId: string };
  /** A long operation moved on (`done` once it settled). */
  'cen-progress': { action: string; id: string; status: string; done: boolean };
  /** A network is Attached. */
  'cen-attached': AttachmentDetail;
  /** A network was detached (and is gone from the CEN). */
  'cen-detached': AttachmentDetail;
}

export type CenEventName = keyof CenEventMap;
export type CenEvent<K extends CenEventName> = CustomEvent<CenEventMap[K]>;
type CenEvents = { [K in CenEventName]: CenEvent<K> };

declare global {
  // Typed listeners everywhere: el.addEventListener('cen-select', (e) => e.detail.CenId).
  interface GlobalEventHandlersEventMap extends CenEvents {}
  interface HTMLElementEventMap extends CenEvents {}
}
