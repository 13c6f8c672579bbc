// Who is signed in, as far as the views need to know: the platform names no endpoint for a staff member's own level
// and region, so they are read from the token's claims (the demo issuer's names). The platform still decides every
// write; this only keeps a viewer's (只读) screens free of buttons that would be refused.
import type { StaffRole } from '@smec/schemas';
import type { TokenProvider } from '@smec/sdk/core';

export interface StaffClaims {
  /** The center's region, when the token says. */
  readonly regionCode?: string;
  /** The staff member's level, when the token says. */
  readonly staffRole?: StaffRole;
}

const ROLES: readonly string[] = ['admin', 'staff', 'viewer'];

function base64UrlDecode(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The claims of a JWT's payload that the views use; nothing for an opaque token or one without them. */
export function staffClaimsOf(token: string | null | undefined): StaffClaims {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  let claims: unknown;
  try {
    claims = JSON.parse(base64UrlDecode(payload));
  } catch {
    return {};
  }
  if (typeof claims !== 'object' || claims === null) return {};
  const { smec_region: region, smec_staff_role: role } = claims as Record<string, unknown>;
  return {
    ...(typeof region === 'string' && /^\d{6}$/.test(region) ? { regionCode: region } : {}),
    ...(typeof role === 'string' && ROLES.includes(role) ? { staffRole: role as StaffRole } : {}),
  };
}

/** True unless the claims say 只读: an unknown level shows the buttons and leaves the refusal to the platform. */
export function mayWrite(claims: StaffClaims): boolean {
  return claims.staffRole !== 'viewer';
}

interface TokenHolder {
  getToken?: TokenProvider | undefined;
}

function enclosingRoot(element: Element): TokenHolder | undefined {
  let node: Element | null = element;
  // Across shadow roots too: a workbench may sit inside another widget's or the host page's components.
  while ((node = node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host || null))) {
    if (node.localName === 'smec-root') return node as Element & TokenHolder;
  }
  return undefined;
}

/** The claims of the token the workbench's client sends: its own provider's, else the enclosing root's. */
export async function staffClaimsFrom(host: HTMLElement): Promise<StaffClaims> {
  const provider = (host as HTMLElement & TokenHolder).getToken ?? enclosingRoot(host)?.getToken;
  try {
    return staffClaimsOf(await provider?.());
  } catch {
    return {};
  }
}
