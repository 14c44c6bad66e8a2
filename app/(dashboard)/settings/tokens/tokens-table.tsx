import type { ApiTokenView } from "@/lib/auth/api-token-store";
import { revokeTokenAction } from "./actions";
import { RevokeTokenButton } from "./revoke-token-button";

function tokenState(token: ApiTokenView): string {
  if (token.revokedAt) return `Revoked ${token.revokedAt.toISOString()}`;
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return "Expired";
  return "Active";
}

/** Tokens by prefix, never by value: the value exists only in its holder's hands. */
export function TokensTable(props: { tokens: ApiTokenView[]; showOwner: boolean }) {
  const { tokens, showOwner } = props;
  if (tokens.length === 0) return <p className="panel">No tokens yet.</p>;

  return (
    <div className="table-wrap">
      <table className="data" aria-label="API tokens">
        <thead>
          <tr>
            <th scope="col">Name</th>
            {showOwner ? <th scope="col">Owner</th> : null}
            <th scope="col">Starts with</th>
            <th scope="col">Role</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Expires (UTC)</th>
            <th scope="col">Last used (UTC)</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              {showOwner ? <td>{token.owner.email}</td> : null}
              <td className="mono">{token.prefix}…</td>
              <td>{token.role}</td>
              <td className="mono">{token.createdAt.toISOString()}</td>
              <td className="mono">{token.expiresAt?.toISOString() ?? "never"}</td>
              <td className="mono">{token.lastUsedAt?.toISOString() ?? "never"}</td>
              <td>{tokenState(token)}</td>
              <td>
                {token.revokedAt ? null : (
                  <RevokeTokenButton
                    name={token.name}
                    action={revokeTokenAction.bind(null, token.id)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
