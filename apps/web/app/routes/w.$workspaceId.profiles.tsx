/** The social profiles a workspace plans for: add, edit, remove. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { FollowerCountSchema, PLATFORMS, PLATFORM_LABELS, SocialProfileInputSchema } from "@rapport/api/schemas";
import { Alert, Button, Card, EmptyState, PageHeader, Select, Table, TextField } from "@rapport/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useTRPC } from "~/trpc/react";
import { asFormResult, orResponse, replyWithFailure, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Profiles · Rapport" }];

// The form sends an empty follower count when it is unknown: that is missing, not zero.
const ProfileFormSchema = SocialProfileInputSchema.extend({
  intent: z.enum(["create", "update"]),
  profileId: z.uuid().optional(),
  followerCount: FollowerCountSchema.optional(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const profiles = await orResponse(api.socialProfile.list({ workspaceId }));
  // "UTC" leads the list: it is the choice before the browser's zone is known (and without JavaScript).
  return { profiles, timeZones: ["UTC", ...Intl.supportedValuesOf("timeZone").filter((tz) => tz !== "UTC")] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const submission = parseWithZod(await request.formData(), { schema: ProfileFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null, saved: null }, { status: 400 });
  const { intent, profileId, followerCount, ...rest } = submission.value;
  const values = { ...rest, followerCount: followerCount ?? null, workspaceId };
  const api = await serverApi(request);
  const result =
    intent === "update" && profileId
      ? await asFormResult(api.socialProfile.update({ ...values, profileId }))
      : await asFormResult(api.socialProfile.create(values));
  if (!result.ok) return data({ ...replyWithFailure(submission, result), saved: null }, { status: result.status });
  return data({ result: submission.reply({ resetForm: true }), error: null, saved: result.data.handle });
}

type Profile = ReturnType<typeof useLoaderData<typeof loader>>["profiles"][number];

/** The browser's IANA zone once hydrated (null on the server, or when the browser names none we list). */
function useBrowserTimeZone(timeZones: string[]): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => {
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (tz && timeZones.includes(tz)) setZone(tz);
  }, [timeZones]);
  return zone;
}

function ProfileForm({ profile, timeZones, onDone }: { profile?: Profile; timeZones: string[]; onDone?: () => void }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const intent = profile ? "update" : "create";
  const browserZone = useBrowserTimeZone(timeZones);
  // A new profile starts on the browser's clock, said beside the field; an existing one keeps its own.
  // After a refused submission the zone the user sent stays.
  const refused = actionData?.result?.status === "error";
  const zoneDefault = profile || refused ? undefined : browserZone;
  const [form, fields] = useForm({
    id: profile ? `edit-${profile.id}` : "new-profile",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileFormSchema }),
    shouldValidate: "onBlur",
    defaultValue: profile
      ? { ...profile, followerCount: profile.followerCount === null ? "" : String(profile.followerCount) }
      : { platform: "instagram", timeZone: "UTC" },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack" onSubmit={() => onDone?.()}>
      <input type="hidden" name="intent" value={intent} />
      {profile ? <input type="hidden" name="profileId" value={profile.id} /> : null}
      <Select
        label="Platform"
        name={fields.platform.name}
        defaultValue={fields.platform.initialValue}
        error={fields.platform.errors?.[0]}
        options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))}
      />
      <TextField label="Handle" name={fields.handle.name} defaultValue={fields.handle.initialValue} error={fields.handle.errors?.[0]} placeholder="bistro.ana" required />
      <TextField label="Display name" name={fields.displayName.name} defaultValue={fields.displayName.initialValue} error={fields.displayName.errors?.[0]} placeholder="Bistro Ana" required />
      <Select
        key={zoneDefault ?? "initial"}
        label="Time zone"
        description={
          zoneDefault
            ? `Set to your browser's time zone (${zoneDefault.replaceAll("_", " ")}). Change it if the profile posts for another place: timing advice uses the profile's local time.`
            : "Timing advice uses the profile's local time."
        }
        name={fields.timeZone.name}
        defaultValue={zoneDefault ?? fields.timeZone.initialValue}
        error={fields.timeZone.errors?.[0]}
        options={timeZones.map((tz) => ({ value: tz, label: tz.replaceAll("_", " ") }))}
      />
      <TextField
        label="Followers"
        type="number"
        inputMode="numeric"
        min={0}
        name={fields.followerCount.name}
        defaultValue={fields.followerCount.initialValue}
        error={fields.followerCount.errors?.[0]}
        description="Today's count, if you know it. Leave empty when unknown."
      />
      <Button type="submit">{profile ? "Save profile" : "Add profile"}</Button>
    </Form>
  );
}

function DeleteProfileButton({ workspaceId, profile }: { workspaceId: string; profile: Profile }) {
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const remove = useMutation(trpc.socialProfile.delete.mutationOptions({ onSuccess: () => revalidator.revalidate() }));
  return (
    <>
      <Button
        variant="danger"
        size="sm"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(`Remove @${profile.handle} from this workspace?`)) remove.mutate({ workspaceId, profileId: profile.id });
        }}
      >
        {remove.isPending ? "Removing…" : "Remove"}
      </Button>
      {remove.error ? <span role="alert" className="inline-error">{remove.error.message}</span> : null}
    </>
  );
}

export default function Profiles() {
  const { profiles, timeZones } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = workspace.role !== "viewer";
  const nf = new Intl.NumberFormat("en");
  return (
    <>
      <PageHeader
        title="Profiles"
        description="The accounts you post to. Rapport compares each one with its own history, never with strangers."
      />
      {searchParams.get("new") === "1" && profiles.length === 0 ? (
        <Alert tone="info" role="status" title="Your workspace is ready">
          Add the first profile you post to.
        </Alert>
      ) : null}
      {actionData?.saved ? (
        <Alert tone="success" role="status">
          Saved @{actionData.saved}.
        </Alert>
      ) : null}
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      <div className="grid-2">
        <section aria-labelledby="profiles-title">
          <h2 id="profiles-title" className="section-title">
            {profiles.length} {profiles.length === 1 ? "profile" : "profiles"}
          </h2>
          {profiles.length === 0 ? (
            <EmptyState title="No profiles yet" description="Add the Instagram, Facebook, TikTok, X or LinkedIn account you post to." headingLevel={3} />
          ) : (
            <Table caption="Profiles in this workspace" hideCaption>
              <thead>
                <tr>
                  <th scope="col">Profile</th>
                  <th scope="col">Platform</th>
                  <th scope="col">Time zone</th>
                  <th scope="col" className="num">
                    Followers
                  </th>
                  {canEdit ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {profiles.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <strong>{p.displayName}</strong>
                      <br />
                      <span className="muted">@{p.handle}</span>
                      <br />
                      <Link to={`/w/${workspace.id}/profiles/${p.id}/publishing`}>Publishing</Link>
                    </td>
                    <td>{PLATFORM_LABELS[p.platform]}</td>
                    <td>{p.timeZone.replaceAll("_", " ")}</td>
                    <td className="num">{p.followerCount === null ? <span className="muted">unknown</span> : nf.format(p.followerCount)}</td>
                    {canEdit ? (
                      <td className="row-actions">
                        <Button variant="secondary" size="sm" onClick={() => setEditing(editing === p.id ? null : p.id)} aria-expanded={editing === p.id}>
                          Edit
                        </Button>
                        <DeleteProfileButton workspaceId={workspace.id} profile={p} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {editing ? (
            <Card title={`Edit @${profiles.find((p) => p.id === editing)?.handle ?? ""}`} headingLevel={3}>
              <ProfileForm key={editing} profile={profiles.find((p) => p.id === editing)} timeZones={timeZones} />
            </Card>
          ) : null}
        </section>
        {canEdit ? (
          <Card title="Add a profile" headingLevel={2}>
            <ProfileForm timeZones={timeZones} />
          </Card>
        ) : (
          <Card title="Viewing only" headingLevel={2}>
            <p>You are a viewer in this workspace. Ask an owner to make you an editor to add profiles.</p>
          </Card>
        )}
      </div>
    </>
  );
}
