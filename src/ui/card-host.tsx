import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Activation, Mark } from '../page/marks';
import { Card } from './Card';
import { CARD_CSS } from './card-style';
import { placeCard } from './position';

export const CARD_TAG = 'spotcheck-card';

export interface CardActions {
  /** The site the page belongs to, as shown on the card. */
  readonly site: string;
  dismiss(mark: Mark): void;
  disableSite(): void;
}

export interface CardHost {
  /** Opens the card for a mark (or keeps it open); a card opened by hovering does not take focus. */
  open(mark: Mark, how: Activation): void;
  /** Closes the card; focus goes back to the mark's indicator unless told otherwise. */
  close(returnFocus?: boolean): void;
  /** The pointer left an indicator: a card opened by hovering closes soon unless the pointer comes over it. */
  leave(mark: Mark): void;
  readonly current: Mark | undefined;
}

const HOVER_CLOSE_DELAY = 350;

/**
 * The evidence card, rendered with Preact in a shadow root (`<spotcheck-card>`), mounted only
 * while open. Everything it listens to is registered through `ctx`, so it all stops when the
 * extension is updated or removed.
 */
export function createCardHost(ctx: ContentScriptContext, actions: CardActions): CardHost {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let current: { mark: Mark; how: Activation } | undefined;
  let hoverTimer: number | undefined;
  let frame = 0;

  const cardElement = () => ui?.uiContainer.querySelector<HTMLElement>('.card') ?? undefined;

  const ensureUi = () => {
    creating ??= createShadowRootUi(ctx, {
      name: CARD_TAG,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: CARD_CSS,
      // Keys typed in the card must not reach the page's own keyboard shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((created) => {
      ui = created;
      return created;
    });
    return creating;
  };

  const place = () => {
    frame = 0;
    const card = cardElement();
    if (!card || !current) return;
    const anchor = current.mark.indicator.getBoundingClientRect();
    card.style.maxHeight = '';
    const { width, height } = card.getBoundingClientRect();
    const view = { width: window.innerWidth, height: window.innerHeight };
    const placement = placeCard(anchor, { width, height }, view);
    card.style.top = `${placement.top}px`;
    card.style.left = `${placement.left}px`;
    card.style.maxHeight = `${placement.maxHeight}px`;
  };
  const schedulePlace = () => {
    if (current && !frame) frame = ctx.requestAnimationFrame(place);
  };

  const close = (returnFocus = true) => {
    window.clearTimeout(hoverTimer);
    const closing = current;
    current = undefined;
    if (ui) ui.remove();
    if (!closing) return;
    closing.mark.indicator.setAttribute('aria-expanded', 'false');
    if (returnFocus && closing.mark.indicator.isConnected) closing.mark.indicator.focus();
  };

  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !current) return;
    event.preventDefault();
    event.stopPropagation();
    close(true);
  };

  // Registered once, for the life of the content script; they do nothing while no card is open.
  ctx.addEventListener(document, 'keydown', onEscape, { capture: true });
  ctx.addEventListener(
    document,
    'pointerdown',
    (event: PointerEvent) => {
      if (!current || !ui) return;
      const path = event.composedPath();
      if (path.includes(ui.shadowHost) || path.includes(current.mark.indicator)) return;
      const indicator = current.mark.indicator;
      close(false);
      // The click itself moves focus after this; give it back to the indicator unless the click
      // landed on something that takes focus (a field, a link).
      window.setTimeout(() => {
        const active = document.activeElement;
        if ((!active || active === document.body) && indicator.isConnected) indicator.focus({ preventScroll: true });
      }, 0);
    },
    { capture: true },
  );
  ctx.addEventListener(window, 'scroll', schedulePlace, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', schedulePlace, { passive: true });

  const show = async (mark: Mark, how: Activation) => {
    const created = await ensureUi();
    if (ctx.isInvalid || current?.mark !== mark) return; // closed or replaced while loading
    created.mount();
    const container = created.uiContainer;
    render(
      <Card
        rule={mark.rule}
        claim={mark.text}
        site={actions.site}
        onClose={() => close(true)}
        onDismiss={() => {
          close(false);
          actions.dismiss(mark);
        }}
        onDisableSite={() => {
          close(false);
          actions.disableSite();
        }}
      />,
      container,
    );
    const card = cardElement();
    if (!card) return;
    card.addEventListener('keydown', onEscape);
    card.addEventListener('pointerenter', () => window.clearTimeout(hoverTimer));
    card.addEventListener('pointerleave', () => {
      if (current?.how === 'hover') hoverTimer = window.setTimeout(() => close(false), HOVER_CLOSE_DELAY);
    });
    // Once a person clicks or types in the card, it stays until they close it.
    card.addEventListener('pointerdown', () => {
      if (current) current.how = 'click';
    });
    card.addEventListener('focusin', () => {
      if (current) current.how = 'click';
    });
    mark.indicator.setAttribute('aria-expanded', 'true');
    place();
    if (how !== 'hover') card.focus();
  };

  return {
    get current() {
      return current?.mark;
    },
    open(mark, how) {
      window.clearTimeout(hoverTimer);
      if (current?.mark === mark) {
        if (how !== 'hover') {
          current.how = how;
          cardElement()?.focus();
        }
        return;
      }
      if (current && how === 'hover' && current.how !== 'hover') return; // never replace a card someone opened on purpose
      close(false);
      current = { mark, how };
      void show(mark, how);
    },
    close,
    leave(mark) {
      if (current?.mark !== mark || current.how !== 'hover') return;
      window.clearTimeout(hoverTimer);
      hoverTimer = window.setTimeout(() => close(false), HOVER_CLOSE_DELAY);
    },
  };
}
