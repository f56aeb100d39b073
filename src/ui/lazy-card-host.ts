import type { Activation, Mark } from '../page/marks';
import type { CardHost } from './card-host';

export interface LazyCardHost extends CardHost {
  /** Starts loading the card's code now, so the first card opens without a wait. */
  preload(): void;
}

/**
 * A card host whose code is loaded on first use (or `preload`). What is asked of it meanwhile
 * is kept: the card asked for last opens once loaded, unless it was closed or, opened by
 * hovering, the pointer left its indicator before then.
 */
export function lazyCardHost(load: () => Promise<CardHost>): LazyCardHost {
  let host: CardHost | undefined;
  let loading: Promise<void> | undefined;
  let wanted: { mark: Mark; how: Activation } | undefined;

  const preload = () => {
    if (loading) return;
    loading = load().then(
      (loaded) => {
        host = loaded;
        if (wanted) loaded.open(wanted.mark, wanted.how);
        wanted = undefined;
      },
      () => {
        loading = undefined; // the extension was updated or removed meanwhile; a later open tries again
      },
    );
  };

  return {
    preload,
    get current() {
      return host ? host.current : wanted?.mark;
    },
    open(mark, how) {
      if (host) return host.open(mark, how);
      // As the card itself does: a hover never replaces a card someone opened on purpose.
      if (wanted && how === 'hover' && wanted.how !== 'hover') return;
      wanted = { mark, how };
      preload();
    },
    close(returnFocus) {
      wanted = undefined;
      host?.close(returnFocus);
    },
    leave(mark) {
      if (host) return host.leave(mark);
      if (wanted?.mark === mark && wanted.how === 'hover') wanted = undefined;
    },
  };
}
