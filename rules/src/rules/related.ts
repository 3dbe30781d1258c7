// Builds related locations and short descriptions shared by several rules.
import type { ProjectEvent, Site } from '../index/summary-types.js';
import type { RelatedLocation } from '../types.js';

export function relatedAt(path: string, event: ProjectEvent, message: string): RelatedLocation[] {
  return [{ path, range: event.range, message }, ...viaLocations(event)];
}

/** Where a helper's effect really happens ("SIO_LOOPBACK_FAST_PATH is applied here (in enableFastPath)."). */
export function viaLocations(event: ProjectEvent): RelatedLocation[] {
  return event.via.map((s: Site) => ({ path: s.path, range: s.range, message: s.message }));
}

export function socketName(key: string | null): string {
  return key ?? 'the socket';
}

/** How an application is spelled in messages: `WSAIoctl`, or `enableFastPath()` for a helper. */
export function applicationName(event: ProjectEvent): string {
  if (event.kind !== 'ioctl') return 'the call';
  return event.api === 'wrapper' || event.api === 'generic' ? `${event.callee}()` : event.callee;
}
