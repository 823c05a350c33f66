import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import type { CalendarPost } from "../post-chip/post-chip";
import { CalendarDayCell, CalendarWeek } from "./calendar";
import type { CalendarDay } from "./calendar";

const post = (p: Partial<CalendarPost> & Pick<CalendarPost, "id" | "title" | "time">): CalendarPost => ({
  platform: "instagram",
  contentType: "photo",
  status: "scheduled",
  ...p,
});

const week: CalendarDay[] = [
  { date: "2026-03-02", label: "Mon 2", posts: [post({ id: "a", title: "Sourdough turns five", time: "08:30", contentType: "reel", score: { value: 72, band: "strong" } })] },
  { date: "2026-03-03", label: "Tue 3", posts: [] },
  { date: "2026-03-04", label: "Wed 4", isToday: true, posts: [post({ id: "b", title: "Meet Ana, our new chef", time: "12:00", platform: "facebook", status: "draft" })] },
  { date: "2026-03-05", label: "Thu 5", posts: [post({ id: "c", title: "Behind the pass", time: "18:30", platform: "tiktok", contentType: "video", score: { value: 94, band: "standout" } }), post({ id: "d", title: "Thursday specials", time: "11:00", platform: "x", contentType: "text", score: { value: 41, band: "typical" } })] },
  { date: "2026-03-06", label: "Fri 6", posts: [] },
  { date: "2026-03-07", label: "Sat 7", posts: [post({ id: "e", title: "Market haul", time: "10:00", contentType: "carousel", score: { value: 18, band: "low" } })] },
  { date: "2026-03-08", label: "Sun 8", posts: [] },
];

const meta = {
  title: "Domain/Calendar",
  component: CalendarWeek,
  args: { label: "Week of 2 March", days: week, onMovePost: fn() },
  parameters: { layout: "fullscreen" },
  decorators: [(Story) => <div style={{ padding: 16 }}><Story /></div>],
} satisfies Meta<typeof CalendarWeek>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Week: Story = {};
export const KeyboardMove: Story = {
  play: async ({ canvas, args }) => {
    const chip = canvas.getByRole("button", { name: /Sourdough turns five/ });
    chip.focus();
    await userEvent.keyboard(" ");
    await userEvent.keyboard("{ArrowRight}");
    await userEvent.keyboard(" ");
    await waitFor(() => expect(args.onMovePost).toHaveBeenCalledWith("a", "2026-03-03"));
    const tuesday = canvas.getByRole("group", { name: /Tue 3: 1 post/ });
    await expect(within(tuesday).getByText("Sourdough turns five")).toBeInTheDocument();
  },
};
export const EmptyWeek: Story = { args: { days: week.map((d) => ({ ...d, posts: [] })) } };
export const ManyItems: Story = {
  args: {
    days: week.map((d, i) => ({
      ...d,
      posts: Array.from({ length: i === 3 ? 6 : 2 }, (_, j) => post({ id: `${d.date}-${j}`, title: `Post ${j + 1} for ${d.label}`, time: `${String(8 + j * 2).padStart(2, "0")}:00` })),
    })),
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
export const DayCell: Story = {
  render: () => (
    <div style={{ width: 180, padding: 16 }}>
      <CalendarDayCell day={week[3] as CalendarDay} />
    </div>
  ),
};
export const DayCellEmptyToday: Story = {
  render: () => (
    <div style={{ width: 180, padding: 16 }}>
      <CalendarDayCell day={{ date: "2026-03-04", label: "Wed 4", isToday: true, posts: [] }} />
    </div>
  ),
};
