import { AcceptInvitation } from '../../features/auth/components/accept-invitation';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function AcceptInvitationRoute() {
  useDocumentTitle('Invitation');
  return (
    <section aria-labelledby="invitation-title" className="page narrow-wide">
      <h1 id="invitation-title">Join an organization</h1>
      <AcceptInvitation />
    </section>
  );
}
