import { alertApiRef, useApiHolder } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';

/** As long as the alert API's `transient` notices stay. */
export const SUCCESS_NOTICE_TIMEOUT_MS = 5000;

/**
 * Posts a short success notice: as a toast where the app provides the toast
 * API (the New Frontend System), otherwise through the alert API, the only
 * one a legacy app (`@backstage/core-app-api` with app-defaults) registers.
 */
export function useSuccessNotice(): (message: string) => void {
  const apis = useApiHolder();
  const toastApi = apis.get(coreApis.toast);
  // The legacy fallback: a deprecated API, but the only notice a legacy app shows.
  const alertApi = toastApi ? undefined : apis.get(alertApiRef);
  return useCallback(
    (message: string) => {
      if (toastApi) {
        toastApi.post({
          title: message,
          status: 'success',
          timeout: SUCCESS_NOTICE_TIMEOUT_MS,
        });
      } else {
        alertApi?.post({ message, severity: 'success', display: 'transient' });
      }
    },
    [toastApi, alertApi],
  );
}
