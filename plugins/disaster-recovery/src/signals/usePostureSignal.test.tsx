import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, type SignalApi } from '@backstage/plugin-signals-react';
import type { JsonObject } from '@backstage/types';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { usePostureSignal } from './usePostureSignal';

function signalsApi() {
  const listeners = new Map<string, (message: JsonObject) => void>();
  const api: SignalApi = {
    subscribe: (channel, onMessage) => {
      listeners.set(channel, onMessage as (message: JsonObject) => void);
      return { unsubscribe: () => listeners.delete(channel) };
    },
  };
  return { api, listeners };
}

describe('usePostureSignal', () => {
  it.each([
    [undefined, 'disaster-recovery:posture'],
    [
      'component:default/payments-api',
      'disaster-recovery:posture:component:default/payments-api',
    ],
  ])(
    'for %s listens on %s and gives each signal anew',
    (entityRef, channel) => {
      const { api, listeners } = signalsApi();
      const wrapper = ({ children }: { children: ReactNode }) => (
        <TestApiProvider apis={[[signalApiRef, api]]}>
          {children}
        </TestApiProvider>
      );
      const { result } = renderHook(() => usePostureSignal(entityRef), {
        wrapper,
      });
      expect(result.current).toBeNull();
      expect([...listeners.keys()]).toEqual([channel]);

      act(() => listeners.get(channel)!({ at: '2026-12-01T00:00:00.000Z' }));
      const first = result.current;
      expect(first).toEqual({ at: '2026-12-01T00:00:00.000Z' });
      act(() => listeners.get(channel)!({ at: '2026-12-01T00:00:00.000Z' }));
      expect(result.current).not.toBe(first);
    },
  );
});
