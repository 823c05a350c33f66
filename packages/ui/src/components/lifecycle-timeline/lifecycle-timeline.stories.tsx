import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { LifecycleTimeline } from "./lifecycle-timeline";
import type { LifecycleEvent } from "./lifecycle-timeline";

const events: LifecycleEvent[] = [
  {
    id: "1",
    actor: "Ana Silva",
    at: "2026-03-09T08:02:00Z",
    atLabel: "Mon 9 Mar, 09:02",
    from: "draft",
    to: "in_review",
  },
  {
    id: "2",
    actor: "Tom Owner",
    at: "2026-03-09T10:15:00Z",
    atLabel: "Mon 9 Mar, 11:15",
    from: "in_review",
    to: "draft",
    comment: "The first line buries the news: lead with the date of the tasting.",
  },
  {
    id: "3",
    actor: "Ana Silva",
    at: "2026-03-09T11:40:00Z",
    atLabel: "Mon 9 Mar, 12:40",
    from: "draft",
    to: "in_review",
  },
  {
    id: "4",
    actor: "Tom Owner",
    at: "2026-03-09T12:05:00Z",
    atLabel: "Mon 9 Mar, 13:05",
    from: "in_review",
    to: "approved",
  },
  {
    id: "5",
    actor: "Tom Owner",
    at: "2026-03-09T12:06:00Z",
    atLabel: "Mon 9 Mar, 13:06",
    from: "approved",
    to: "scheduled",
  },
  {
    id: "6",
    actor: null,
    at: "2026-03-12T16:00:00Z",
    atLabel: "Thu 12 Mar, 17:00",
    from: "scheduled",
    to: "publishing",
  },
];

const meta = {
  title: "Domain/LifecycleTimeline",
  component: LifecycleTimeline,
  args: { events },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 420 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof LifecycleTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const items = within(canvas.getByRole("list", { name: "History" })).getAllByRole("listitem");
    await expect(items).toHaveLength(6);
    await expect(items[1]).toHaveTextContent("Tom Owner moved it from In review to Draft");
    await expect(items[1]).toHaveTextContent("lead with the date of the tasting");
    await expect(items[5]).toHaveTextContent("Rapport moved it from Scheduled to Publishing");
  },
};
export const Empty: Story = { args: { events: [] } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
