import type { EstateHistoryResponse } from '@dr-posture/plugin-disaster-recovery-common';

/** An estate history of one day: three of four tier-1 entities within RPO. */
export async function estateHistory(): Promise<EstateHistoryResponse> {
  return {
    from: '2026-11-30',
    to: '2026-12-01',
    days: [
      {
        date: '2026-12-01',
        tiers: {
          '1': {
            entities: 4,
            withinRpo: 3,
            breached: 1,
            unknown: 0,
            withinRpoShare: 0.75,
          },
        },
      },
    ],
  };
}
