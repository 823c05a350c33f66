import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { DayList } from "./day-list";
import type { DayListDay } from "./day-list";

const days: DayListDay[] = [
  {
    date: "2026-03-04",
    label: "Today, Wed 4 March",
    isToday: true,
    posts: [
      {
        id: "b",
        title: "Meet Ana, our new chef",
        time: "12:00",
        platform: "facebook",
        contentType: "photo",
        status: "in_review",
        score: { value: 58, band: "typical" },
      },
      {
        id: "c",
        title: "Behind the pass",
        time: "18:30",
        platform: "instagram",
        contentType: "reel",
        status: "scheduled",
        score: { value: 81, band: "strong" },
        isExample: true,
      },
    ],
    openSlots: ["09:00"],
  },
  { date: "2026-03-05", label: "Thu 5 March", posts: [], openSlots: ["18:00"] },
  {
    date: "2026-03-06",
    label: "Fri 6 March",
    posts: [
      {
        id: "d",
        title: "Lunch specials",
        time: "11:00",
        platform: "instagram",
        contentType: "story",
        status: "scheduled",
      },
      {
        id: "e",
        title: "Friday playlist",
        time: "16:00",
        platform: "instagram",
        contentType: "carousel",
        status: "approved",
      },
      {
        id: "f",
        title: "Weekend hours",
        time: "19:00",
        platform: "instagram",
        contentType: "photo",
        status: "draft",
      },
    ],
    warning: "3 posts on one day: the third tends to take reach from the others.",
  },
  { date: "2026-03-07", label: "Sat 7 March", posts: [] },
];

const meta = {
  title: "Domain/DayList",
  component: DayList,
  args: { label: "Today and the next 7 days", days, onOpenPost: fn(), onFillSlot: fn() },
} satisfies Meta<typeof DayList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    const today = within(
      canvas.getByRole("list", { name: "Today and the next 7 days" }),
    ).getAllByRole("listitem")[0] as HTMLElement;
    await expect(today).toHaveTextContent("2 posts");
    await userEvent.click(within(today).getByRole("button", { name: /Behind the pass/ }));
    await expect(args.onOpenPost).toHaveBeenCalledWith("c");
    await userEvent.click(canvas.getByRole("button", { name: /18:00 Empty queue slot/ }));
    await expect(args.onFillSlot).toHaveBeenCalledWith("2026-03-05", "18:00");
  },
};
export const ReadOnly: Story = {
  args: { onFillSlot: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("button", { name: /Empty queue slot/ })).toBeNull();
    await expect(canvas.getAllByText(/Empty queue slot/)).toHaveLength(2);
  },
};
export const Phone: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 358 }}>
        <Story />
      </div>
    ),
  ],
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
