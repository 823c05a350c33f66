/** Any address no route claims: a real 404 response rendered by the error boundary. */
export function loader() {
  throw new Response("There is nothing at this address.", { status: 404 });
}

export default function NotFound() {
  return null;
}
