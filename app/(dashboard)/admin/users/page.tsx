import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/user-store";
import { changeRoleAction, deleteUserAction } from "./actions";
import { NewUserForm } from "./new-user-form";
import { ChangeRoleForm, DeleteUserButton } from "./user-row-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const { user: me } = await requireUser("admin");
  const users = await listUsers();

  return (
    <>
      <h1>Users</h1>
      <p className="hint">
        Viewers read alerts; analysts also triage and upload; admins also edit allowlists, manage
        users and revoke anyone&apos;s API tokens. A role change applies at the user&apos;s next
        request.
      </p>
      <NewUserForm />
      <div className="table-wrap">
        <table className="data" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Created (UTC)</th>
              <th scope="col">Password changed (UTC)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.email}</th>
                <td>
                  <ChangeRoleForm
                    email={user.email}
                    role={user.role}
                    action={changeRoleAction.bind(null, user.id)}
                  />
                </td>
                <td className="mono">{user.createdAt.toISOString()}</td>
                <td className="mono">{user.passwordChangedAt.toISOString()}</td>
                <td>
                  {user.id === me.id ? (
                    <span className="muted">you</span>
                  ) : (
                    <DeleteUserButton
                      email={user.email}
                      action={deleteUserAction.bind(null, user.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
