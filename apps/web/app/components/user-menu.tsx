/** Who is signed in, and the two ways out: this browser, or every browser. */
import { Button } from "@rapport/ui";
import { Form, Link } from "@remix-run/react";

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <div className="user-menu">
      <Link to="/account" className="user-name" title={`${user.email}: your account`}>
        {user.name}
      </Link>
      <Form method="post" action="/sign-out" className="inline-form">
        <Button type="submit" variant="ghost" size="sm">
          Sign out
        </Button>
        <Button type="submit" name="scope" value="everywhere" variant="ghost" size="sm">
          Sign out everywhere
        </Button>
      </Form>
    </div>
  );
}
