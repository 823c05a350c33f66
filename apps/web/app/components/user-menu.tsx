/** Who is signed in, and the two ways out: this browser, or every browser. */
import { Button } from "@rapport/ui";
import { Form } from "@remix-run/react";

export function UserMenu({ user }: { user: { name: string; email: string } }) {
  return (
    <div className="user-menu">
      <span className="user-name" title={user.email}>
        {user.name}
      </span>
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
