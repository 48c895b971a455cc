import { disasterRecoveryApiRef } from './api';
import { disasterRecoveryPlugin } from './plugin';

describe('disasterRecoveryPlugin (legacy frontend system)', () => {
  it('builds its client from the APIs a legacy app registers', () => {
    const factory = [...disasterRecoveryPlugin.getApis()].find(
      f => f.api.id === disasterRecoveryApiRef.id,
    );
    // A legacy app looks APIs up by id: these are the ids app-defaults registers.
    expect(
      Object.fromEntries(
        Object.entries(factory?.deps ?? {}).map(([name, ref]) => [
          name,
          ref.id,
        ]),
      ),
    ).toEqual({ discoveryApi: 'core.discovery', fetchApi: 'core.fetch' });
  });
});
