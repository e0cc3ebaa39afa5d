import { NavLink, Outlet, useOutletContext } from 'react-router';
import { AsyncSection } from '../../components/errors/async-section';
import { AdminGate } from '../../features/admin/components/admin-gate';
import { AuditLog, ChainStatus } from '../../features/admin/components/audit-log';
import { BudgetForm } from '../../features/admin/components/budget-form';
import { InviteForm } from '../../features/admin/components/invite-form';
import { MembersTable } from '../../features/admin/components/members-table';
import { AtRiskList, TeamProgressReport } from '../../features/admin/components/team-progress';
import { UsageReport } from '../../features/admin/components/usage-report';
import { useMembers } from '../../features/admin/api/members';
import { RequireSignIn } from '../../features/auth/components/require-sign-in';
import { useDocumentTitle } from '../../hooks/use-document-title';
import type { Me } from '../../lib/auth/me';

/** The organization admin screens: one lazily loaded chunk, behind sign-in and the admin role. */
export function AdminLayout() {
  return (
    <section aria-labelledby="admin-title" className="page">
      <h1 id="admin-title">Organization</h1>
      <RequireSignIn what="your organization">
        <AdminGate>
          {(me) => (
            <>
              <nav aria-label="Organization" className="admin-nav">
                <NavLink to="/admin" end>
                  Members
                </NavLink>
                <NavLink to="/admin/progress">Team progress</NavLink>
                <NavLink to="/admin/usage">Usage and budgets</NavLink>
                <NavLink to="/admin/audit">Audit log</NavLink>
              </nav>
              <Outlet context={me} />
            </>
          )}
        </AdminGate>
      </RequireSignIn>
    </section>
  );
}

const useMe = () => useOutletContext<Me>();

export function AdminMembersRoute() {
  useDocumentTitle('Members');
  const me = useMe();
  return (
    <div className="stack">
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <AsyncSection loadingLabel="Loading the members" errorTitle="The members could not be loaded">
          <MembersTable organizationId={me.organizationId} selfId={me.userId} />
        </AsyncSection>
      </section>
      <section className="card invite-card">
        <InviteForm organizationId={me.organizationId} />
      </section>
    </div>
  );
}

function AtRiskWithNames({ organizationId }: { organizationId: string }) {
  const { data: members } = useMembers(organizationId);
  return <AtRiskList names={new Map(members.map((m) => [m.userId, m.displayName]))} />;
}

export function AdminProgressRoute() {
  useDocumentTitle('Team progress');
  const me = useMe();
  return (
    <div className="stack">
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Team progress</h2>
        <AsyncSection loadingLabel="Loading the team's progress" errorTitle="The team's progress could not be loaded">
          <TeamProgressReport />
        </AsyncSection>
      </section>
      <section aria-labelledby="at-risk-title">
        <h2 id="at-risk-title">Who may need a hand</h2>
        <AsyncSection loadingLabel="Looking for learners at risk" errorTitle="Learners at risk could not be loaded">
          <AtRiskWithNames organizationId={me.organizationId} />
        </AsyncSection>
      </section>
    </div>
  );
}

export function AdminUsageRoute() {
  useDocumentTitle('Usage and budgets');
  return (
    <div className="admin-columns">
      <section aria-labelledby="usage-title">
        <h2 id="usage-title">Coach usage and cost</h2>
        <UsageReport />
      </section>
      <section className="card">
        <AsyncSection loadingLabel="Loading the budgets" errorTitle="The budgets could not be loaded">
          <BudgetForm />
        </AsyncSection>
      </section>
    </div>
  );
}

export function AdminAuditRoute() {
  useDocumentTitle('Audit log');
  const me = useMe();
  return (
    <section aria-labelledby="audit-title" className="stack">
      <h2 id="audit-title">Audit log</h2>
      <AsyncSection loadingLabel="Checking the audit chain" errorTitle="The audit chain could not be checked">
        <ChainStatus organizationId={me.organizationId} canVerify={me.roles.includes('platform_admin')} />
      </AsyncSection>
      <AsyncSection loadingLabel="Loading the audit log" errorTitle="The audit log could not be loaded">
        <AuditLog organizationId={me.organizationId} />
      </AsyncSection>
    </section>
  );
}
