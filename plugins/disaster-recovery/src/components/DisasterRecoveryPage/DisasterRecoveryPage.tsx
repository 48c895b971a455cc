import { PluginHeader, type HeaderTab } from '@backstage/ui';
import RestoreIcon from '@material-ui/icons/Restore';
import { Navigate, Route, Routes } from 'react-router-dom';
import { DisasterRecoveryTab } from './DisasterRecoveryTab';
import { DISASTER_RECOVERY_TAB_PATHS, DISASTER_RECOVERY_TABS } from './tabs';

// Relative hrefs: the tabs resolve against the page's mount point.
const HEADER_TABS: HeaderTab[] = DISASTER_RECOVERY_TAB_PATHS.map(path => ({
  id: path,
  label: DISASTER_RECOVERY_TABS[path],
  href: path,
}));

/**
 * The platform team's view of disaster-recovery posture across the estate,
 * for apps on the legacy frontend system: the overview of every visible
 * entity, the restore plan and the health of collection per cluster. The
 * New Frontend System builds the same page from one sub-page per tab.
 *
 * @public
 */
export function DisasterRecoveryPage() {
  return (
    <>
      <PluginHeader
        title="Disaster Recovery"
        icon={<RestoreIcon />}
        tabs={HEADER_TABS}
      />
      <Routes>
        <Route
          index
          element={<Navigate to={DISASTER_RECOVERY_TAB_PATHS[0]} replace />}
        />
        {DISASTER_RECOVERY_TAB_PATHS.map(path => (
          <Route
            key={path}
            path={path}
            element={<DisasterRecoveryTab tab={path} />}
          />
        ))}
      </Routes>
    </>
  );
}
