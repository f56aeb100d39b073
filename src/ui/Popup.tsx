import type { TabClaim } from '../messages';

export interface PopupProps {
  /** The tab's site; "" when Spot Check cannot run there (browser pages, files). */
  readonly site: string;
  readonly enabled: boolean;
  readonly claims: readonly TabClaim[];
  readonly onToggle: (enabled: boolean) => void;
  /** A claim in the list was picked: show it on the page. */
  readonly onShow: (claim: TabClaim) => void;
}

/** The toolbar popup: what was found on this tab, and the switch for this site. */
export function Popup({ site, enabled, claims, onToggle, onShow }: PopupProps) {
  return (
    <main class="popup">
      <header>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="8" />
          <path d="M8 3.6v5.2" />
          <circle class="dot" cx="8" cy="11.7" r="1.15" />
        </svg>
        <h1>Spot Check</h1>
      </header>
      {site === '' ? (
        <p class="quiet">Spot Check reads web pages (http and https). It has nothing to check on this one.</p>
      ) : (
        <>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={enabled}
              checked={enabled}
              onChange={(e) => onToggle(e.currentTarget.checked)}
            />
            <span>
              Warnings on <strong>{site}</strong>
            </span>
          </label>
          {!enabled ? (
            <p class="quiet">Warnings are off on this site. Turn them back on to check its pages.</p>
          ) : claims.length === 0 ? (
            <p class="quiet">No spot-reduction claims found on this page.</p>
          ) : (
            <section aria-labelledby="found">
              <h2 id="found">
                {claims.length} claim{claims.length === 1 ? '' : 's'} on this page
              </h2>
              <ul>
                {claims.map((claim) => (
                  <li key={`${claim.frameId}-${claim.index}`}>
                    <button type="button" aria-describedby="pick-hint" onClick={() => onShow(claim)}>
                      <span class="verdict">{claim.verdict}</span>
                      <span class="claim">“{claim.text}”</span>
                    </button>
                  </li>
                ))}
              </ul>
              <p class="hint" id="pick-hint">
                Pick a claim to see it on the page, with the evidence.
              </p>
            </section>
          )}
        </>
      )}
    </main>
  );
}
