import { http, HttpResponse } from 'msw';
import { authServer, type FakeUser } from './auth-server';
import { problem } from './handlers';

/**
 * The identity, coaching and mastery endpoints the account and admin screens use, over state
 * that tests can read and change ({@link organization}). Shapes and problem types follow the
 * server (OrganizationController, InvitationController, ApiKeyController, AuditController,
 * CoachingPoliciesController) and docs CONTRACTS (MFA, usage, team progress).
 */

type Member = { userId: string; email: string; displayName: string; role: string; active: boolean; since: string };
type Key = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  usageCount: number;
  revokedAt: string | null;
  createdAt: string;
};

function initialState() {
  return {
    members: [
      { userId: 'u-admin', email: 'ada@example.com', displayName: 'Ada Admin', role: 'org_admin', active: true, since: '2025-01-10T09:00:00Z' },
      { userId: 'u-learner', email: 'lea@example.com', displayName: 'Lea Learner', role: 'learner', active: true, since: '2025-02-01T09:00:00Z' },
    ] as Member[],
    invitations: [] as { token: string; email: string; role: string; accepted: boolean }[],
    keys: [] as Key[],
    audit: [] as { action: string; actorId: string; target: string; details: string | null }[],
    chain: 'intact' as 'intact' | 'broken',
    policy: { monthlyBudgetUsd: 50 as number | null, learnerDailyUsd: null as number | null, offlineFallback: null as boolean | null, preferredModel: null as string | null },
    mfaSecret: null as string | null,
    /** The TOTP code the fake accepts. */
    validCode: '123456',
    signups: [] as { email: string; displayName: string }[],
    resetRequests: [] as string[],
    /** The signed-in person's password, for POST /api/me/password. */
    password: 'the current password',
  };
}

export const organization = { state: initialState(), reset() { this.state = initialState(); } };

/** Drops null members the way the server's JSON writer does (Jackson non_null inclusion). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

function json(body: unknown, init?: ResponseInit) {
  return HttpResponse.json(withoutNulls(body) as Record<string, unknown>, init);
}

function forbidden(detail: string) {
  return problem(403, 'forbidden', 'Not allowed', detail);
}

/** The caller, or the response refusing them: 401 without a valid token, 403 for a non-admin or an unverified admin. */
function caller(request: Request, admin: boolean): FakeUser | Response {
  const user = authServer.userOf(request);
  if (!user) {
    return problem(401, 'unauthorized', 'Authentication required', 'Sign in or send a valid bearer token or API key.');
  }
  if (!admin) {
    return user;
  }
  if (!user.roles.includes('org_admin') && !user.roles.includes('platform_admin')) {
    return forbidden('Only an org admin may manage this organization.');
  }
  if (user.mfa && (!user.mfa.enabled || !user.mfa.verified)) {
    return problem(403, 'mfa-required', 'Two-factor authentication required',
      'Organization administration needs a session signed in with two-factor authentication; set it up under Security and sign in again.');
  }
  return user;
}

const isResponse = (value: unknown): value is Response => value instanceof Response;

function record(actorId: string, action: string, target: string, details: string | null = null) {
  organization.state.audit.unshift({ action, actorId, target, details });
}

export const adminHandlers = [
  http.post('*/api/auth/signup', async ({ request }) => {
    const body = (await request.json()) as { email: string; password: string; displayName: string };
    if (body.password.length < 10) {
      return json(
        { type: '/problems/validation-failed', title: 'Validation failed', status: 400, detail: 'Some fields are not valid: password.',
          errors: [{ field: 'password', message: 'must be at least 10 characters and at most 72 bytes' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (organization.state.signups.some((s) => s.email === body.email) || body.email === 'ada@example.com') {
      return problem(409, 'email-taken', 'Email already registered', 'An account with this email already exists; sign in instead.');
    }
    organization.state.signups.push({ email: body.email, displayName: body.displayName });
    return json({ accessToken: 'signup-token', tokenType: 'Bearer', expiresIn: 900, userId: 'u-new', organizationId: 'org-new' }, { status: 201 });
  }),
  http.post('*/api/auth/password-reset', async ({ request }) => {
    organization.state.resetRequests.push(((await request.json()) as { email: string }).email);
    return new HttpResponse(null, { status: 202 });
  }),
  http.post('*/api/auth/password-reset/confirm', async ({ request }) => {
    const { token } = (await request.json()) as { token: string };
    return token === 'good-token'
      ? new HttpResponse(null, { status: 204 })
      : problem(400, 'invalid-reset-token', 'Invalid reset token', 'This reset link is not valid any more: it expired or was used. Ask for a new one.');
  }),

  http.get('*/api/organizations/:org/members', ({ request }) => {
    const user = caller(request, true);
    return isResponse(user) ? user : json(organization.state.members);
  }),
  http.patch('*/api/organizations/:org/members/:userId', async ({ request, params }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    const change = (await request.json()) as { role?: string; active?: boolean };
    const member = organization.state.members.find((m) => m.userId === params.userId);
    if (!member) {
      return problem(404, 'not-found', 'Not found', `Member ${params.userId as string} was not found.`);
    }
    if (change.role && !['learner', 'instructor', 'org_admin'].includes(change.role)) {
      return problem(400, 'bad-request', 'Bad request', 'role must be one of learner, instructor, org_admin.');
    }
    const admins = organization.state.members.filter((m) => m.role === 'org_admin' && m.active);
    const losesAdmin = member.role === 'org_admin' && member.active && ((change.role && change.role !== 'org_admin') || change.active === false);
    if (losesAdmin && admins.length <= 1) {
      return problem(409, 'last-admin', 'Last admin', 'An organization keeps at least one active org admin; make someone else admin first.');
    }
    Object.assign(member, change.role ? { role: change.role } : {}, change.active === undefined ? {} : { active: change.active });
    record(user.userId, 'member.changed', member.userId, `role=${member.role} active=${member.active}`);
    return json(member);
  }),
  http.post('*/api/organizations/:org/invitations', async ({ request, params }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    const { email, role } = (await request.json()) as { email: string; role: string };
    const token = `inv_${organization.state.invitations.length + 1}`;
    organization.state.invitations.push({ token, email, role, accepted: false });
    record(user.userId, 'invitation.created', `inv-${organization.state.invitations.length}`, `role=${role}`);
    return json(
      { id: `inv-${organization.state.invitations.length}`, organizationId: params.org, email: email.toLowerCase(), role, expiresAt: '2030-01-08T00:00:00Z', token },
      { status: 201 },
    );
  }),
  http.post('*/api/invitations/accept', async ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    const { token } = (await request.json()) as { token: string };
    const invitation = organization.state.invitations.find((i) => i.token === token && !i.accepted && i.email === user.email);
    if (!invitation) {
      return problem(404, 'not-found', 'Not found', 'Invitation was not found.');
    }
    invitation.accepted = true;
    return json({ invitationId: 'inv-1', organizationId: 'org-1', role: invitation.role });
  }),
  http.get('*/api/organizations/:org/audit', ({ request }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    const limit = Number(new URL(request.url).searchParams.get('limit') ?? 100);
    const events = organization.state.audit.map((event, index) => ({
      seq: organization.state.audit.length - index,
      id: `event-${organization.state.audit.length - index}`,
      organizationId: 'org-1',
      actorId: event.actorId,
      action: event.action,
      target: event.target,
      ip: '127.0.0.1',
      userAgent: 'test',
      details: event.details,
      occurredAt: '2025-03-01T10:00:00Z',
      prevHash: null,
      hash: 'h',
    }));
    return json(events.slice(0, limit));
  }),
  http.get('*/api/audit/verify', ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    if (!user.roles.includes('platform_admin')) {
      return forbidden('Only a platform admin may verify the audit log.');
    }
    const intact = organization.state.chain === 'intact';
    return json({ intact, checked: 42, firstBrokenSeq: intact ? null : 17 });
  }),

  http.get('*/api/api-keys', ({ request }) => {
    const user = caller(request, false);
    return isResponse(user) ? user : json(organization.state.keys);
  }),
  http.post('*/api/api-keys', async ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    const body = (await request.json()) as { name: string; scopes: string[]; expiresAt: string | null };
    const beyond = body.scopes.filter((s) => !user.scopes.includes(s));
    if (beyond.length) {
      return forbidden(`You cannot give a key scopes you do not hold: ${beyond.join(', ')}.`);
    }
    const key: Key = {
      id: `key-${organization.state.keys.length + 1}`,
      name: body.name,
      prefix: 'ak_abcdefg',
      scopes: [...body.scopes].sort(),
      expiresAt: body.expiresAt,
      lastUsedAt: null,
      usageCount: 0,
      revokedAt: null,
      createdAt: '2025-03-01T10:00:00Z',
    };
    organization.state.keys.unshift(key);
    return json({ key, secret: 'ak_abcdefghijklmnopqrstuvwxyz0123456789' }, { status: 201 });
  }),
  http.delete('*/api/api-keys/:id', ({ request, params }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    const key = organization.state.keys.find((k) => k.id === params.id);
    if (!key) {
      return problem(404, 'not-found', 'Not found', `API key ${params.id as string} was not found.`);
    }
    key.revokedAt ??= '2025-03-02T10:00:00Z';
    return json(key);
  }),

  // the contract of the server's password change: 204, 403 wrong-password, 400 validation-failed per field
  http.post('*/api/me/password', async ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    const body = (await request.json()) as { currentPassword: string; newPassword: string };
    if (body.currentPassword !== organization.state.password) {
      return problem(403, 'wrong-password', 'Wrong password', 'The password is not correct; nothing was changed.');
    }
    if (body.newPassword.length < 10) {
      return json(
        { type: '/problems/validation-failed', title: 'Validation failed', status: 400, detail: 'Some fields are not valid: newPassword.',
          errors: [{ field: 'newPassword', message: 'must be at least 10 characters and at most 72 bytes' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    organization.state.password = body.newPassword;
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('*/api/me/mfa/totp', ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    organization.state.mfaSecret = 'JBSWY3DPEHPK3PXP';
    return json(
      { secret: organization.state.mfaSecret, otpauthUri: `otpauth://totp/AgentCoach:${user.email}?secret=JBSWY3DPEHPK3PXP&issuer=AgentCoach&digits=6&period=30` },
      { status: 201 },
    );
  }),
  http.post('*/api/me/mfa/totp/confirm', async ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    const { code } = (await request.json()) as { code: string };
    if (!organization.state.mfaSecret || code !== organization.state.validCode) {
      return problem(400, 'invalid-mfa-code', 'Invalid code', 'That code is not right or has expired; enter the code your app shows now.');
    }
    user.mfa = { enabled: true, required: user.mfa?.required ?? false, verified: false };
    return json({ recoveryCodes: Array.from({ length: 10 }, (_, i) => `abcd-ef${String(i).padStart(2, '0')}`) });
  }),
  http.post('*/api/me/mfa/recovery-codes', async ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    const { code } = (await request.json()) as { code: string };
    return code === organization.state.validCode
      ? json({ recoveryCodes: Array.from({ length: 10 }, (_, i) => `new0-co${String(i).padStart(2, '0')}`) })
      : problem(400, 'invalid-mfa-code', 'Invalid code', 'That code is not right or has expired; enter the code your app shows now.');
  }),
  http.delete('*/api/me/mfa', async ({ request }) => {
    const user = caller(request, false);
    if (isResponse(user)) {
      return user;
    }
    if (user.mfa?.required) {
      return problem(409, 'mfa-required-for-role', 'Two-factor authentication required', 'Admins cannot turn off two-factor authentication.');
    }
    user.mfa = { enabled: false, required: false, verified: false };
    return new HttpResponse(null, { status: 204 });
  }),

  http.get('*/api/coaching/organization/usage', ({ request }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    const url = new URL(request.url);
    const row = (messages: number, costUsd: number) => ({ messages, inputTokens: messages * 1000, outputTokens: messages * 300, costUsd });
    return json({
      organizationId: 'org-1',
      from: url.searchParams.get('from') ?? '2025-03-01',
      to: url.searchParams.get('to') ?? '2025-03-31',
      currency: 'USD',
      budget: { monthlyBudgetUsd: organization.state.policy.monthlyBudgetUsd, spentThisMonthUsd: 12.5, dailyAllowancePerLearnerUsd: 1 },
      byDay: [
        { date: '2025-03-01', ...row(10, 2.5) },
        { date: '2025-03-02', ...row(30, 10) },
      ],
      byMember: [{ userId: 'u-learner', displayName: 'Lea Learner', ...row(40, 12.5) }],
      byModel: [{ model: 'gpt-4o-mini', ...row(40, 12.5) }],
    });
  }),
  http.get('*/api/coaching/organization-policy', ({ request }) => {
    const user = caller(request, true);
    return isResponse(user) ? user : json(organization.state.policy);
  }),
  http.put('*/api/coaching/organization-policy', async ({ request }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    const body = (await request.json()) as typeof organization.state.policy;
    if (body.monthlyBudgetUsd !== null && body.monthlyBudgetUsd > 1_000_000) {
      return json(
        { type: '/problems/validation-failed', title: 'Validation failed', status: 400, detail: 'Some fields are not valid: monthlyBudgetUsd.',
          errors: [{ field: 'monthlyBudgetUsd', message: 'must be less than or equal to 1000000' }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    organization.state.policy = body;
    return json(body);
  }),
  http.get('*/api/mastery/organization/progress', ({ request }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    return json({
      members: [
        { userId: 'u-learner', displayName: 'Lea Learner', averageProficiency: 64, skillsMastered: 3, activitiesLast7Days: 12, lastActiveAt: '2025-03-02T10:00:00Z' },
        { userId: 'u-admin', displayName: 'Ada Admin', averageProficiency: 20, skillsMastered: 0, activitiesLast7Days: 0, lastActiveAt: null },
      ],
      weekly: [
        { weekStart: '2025-02-17', averageProficiency: 30, activities: 4 },
        { weekStart: '2025-02-24', averageProficiency: 45, activities: 9 },
        { weekStart: '2025-03-03', averageProficiency: 52, activities: 12 },
      ],
    });
  }),
  http.get('*/api/mastery/organization/at-risk', ({ request }) => {
    const user = caller(request, true);
    if (isResponse(user)) {
      return user;
    }
    return json({
      days: 14,
      failureStreak: 3,
      learners: [
        { userId: 'u-learner', lastActivityAt: '2025-03-02T10:00:00Z',
          reasons: [{ kind: 'REPEATED_FAILURES', skillId: 'tokens', detail: '3 failed answers in a row on Tokens.', attemptIds: ['a1', 'a2', 'a3'] }] },
      ],
    });
  }),
];
