/** The shell's way to the notifications, with how many are unread. */
import { Badge } from "@rapport/ui";
import { Link } from "@remix-run/react";

export function NotificationsLink({ href, unread }: { href: string; unread: number }) {
  return (
    <Link to={href} className="notifications-link" data-testid="notifications-link">
      Notifications
      {unread > 0 ? (
        <Badge tone="warning" aria-label={`${unread} unread`}>
          {unread}
        </Badge>
      ) : (
        <span className="visually-hidden"> (none unread)</span>
      )}
    </Link>
  );
}
