import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorMessage } from '../../../components/ui/error-message';
import { formatDate } from '../../../lib/format';
import { ROLE_LABELS, ROLES, useMembers, useUpdateMember, type Member, type MemberRole } from '../api/members';

/** The organization's members: change a role or deactivate someone, each change said aloud when done. */
export function MembersTable({ organizationId, selfId }: { organizationId: string; selfId: string }) {
  const { data: members } = useMembers(organizationId);
  const update = useUpdateMember(organizationId);
  const [announcement, setAnnouncement] = useState('');

  function change(member: Member, change: { role?: MemberRole; active?: boolean }) {
    setAnnouncement('');
    update.mutate(
      { userId: member.userId, ...change },
      {
        onSuccess: (updated) =>
          setAnnouncement(
            change.role
              ? `${updated.displayName} is now ${ROLE_LABELS[updated.role] ?? updated.role}.`
              : `${updated.displayName} is ${updated.active ? 'active again' : 'deactivated'}.`,
          ),
      },
    );
  }

  return (
    <>
      <p role="status" className="form-status">
        {announcement}
      </p>
      {update.error && <ErrorMessage error={update.error} title="The change was not saved" />}
      <DataTable label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Member since</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId} className={member.active ? undefined : 'inactive'}>
              <th scope="row">
                {member.displayName}
                {member.userId === selfId && (
                  <>
                    {' '}
                    <span className="muted">(you)</span>
                  </>
                )}
              </th>
              <td>{member.email}</td>
              <td>
                <select aria-label={`Role of ${member.displayName}`} value={member.role} disabled={update.isPending}
                  onChange={(e) => change(member, { role: e.target.value as MemberRole })}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{formatDate(member.since)}</td>
              <td>
                <span className={`status-badge ${member.active ? 'ok' : 'off'}`}>{member.active ? 'Active' : 'Deactivated'}</span>
              </td>
              <td>
                <button type="button" className={member.active ? 'danger' : 'button secondary'} disabled={update.isPending}
                  onClick={() => change(member, { active: !member.active })}
                  aria-label={`${member.active ? 'Deactivate' : 'Reactivate'} ${member.displayName}`}>
                  {member.active ? 'Deactivate' : 'Reactivate'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
