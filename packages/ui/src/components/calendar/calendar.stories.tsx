import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CalendarDayCell, CalendarWeek } from "./calendar";
import type { CalendarDay } from "./calendar";
import { week } from "./calendar.fixtures";

const meta = {
  title: "Domain/Calendar",
  component: CalendarWeek,
  args: {
    label: "Week of 2 March",
    days: week,
    onMovePost: fn(),
    onCreatePost: fn(),
    onOpenPost: fn(),
  },
  parameters: { layout: "fullscreen" },
  decorators: [
    (Story) => (
      <div style={{ padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CalendarWeek>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Week: Story = {
  play: async ({ canvasElement }) => {
    // The board fits its container: no horizontal scrolling at desktop widths.
    const board = canvasElement.querySelector("section") as HTMLElement;
    await expect(board.scrollWidth).toBeLessThanOrEqual(board.clientWidth);
  },
};
export const KeyboardMove: Story = {
  play: async ({ canvas, args }) => {
    const chip = canvas.getByRole("button", { name: /Thursday specials/ });
    chip.focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(document.body).toHaveTextContent(/is over/));
    await userEvent.keyboard("{ArrowRight}");
    await userEvent.keyboard(" ");
    await waitFor(() => expect(args.onMovePost).toHaveBeenCalledWith("d", "2026-03-06"));
    const friday = canvas.getByRole("group", { name: /Fri 6: 1 post/ });
    await expect(within(friday).getByText("Thursday specials")).toBeInTheDocument();
  },
};
export const KeyboardSkipsPastDays: Story = {
  play: async ({ canvas, args }) => {
    // Monday and Tuesday are past: Left from Wednesday has nowhere to go, so the drop stays put.
    const chip = canvas.getByRole("button", { name: /Meet Ana/ });
    chip.focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(document.body).toHaveTextContent(/is over/));
    await userEvent.keyboard("{ArrowLeft}");
    await userEvent.keyboard(" ");
    await expect(args.onMovePost).not.toHaveBeenCalled();
    await expect(
      within(canvas.getByRole("group", { name: /Wed 4, today: 1 post/ })).getByText(
        "Meet Ana, our new chef",
      ),
    ).toBeInTheDocument();
  },
};
export const EnterOpensPost: Story = {
  play: async ({ canvas, args }) => {
    canvas.getByRole("button", { name: /Market haul/ }).focus();
    await userEvent.keyboard("{Enter}");
    await expect(args.onOpenPost).toHaveBeenCalledWith("e");
  },
};
export const BestSlots: Story = {
  args: {
    showBestSlots: true,
    warnings: [
      "Week of 2 March: 6 posts, above the 4 a week after which your reach per post drops.",
    ],
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: /Plan a post on Fri 6 at 12:00/ }));
    await expect(args.onCreatePost).toHaveBeenCalledWith("2026-03-06", "12:00");
    await userEvent.click(canvas.getByRole("button", { name: "New post on Sun 8" }));
    await expect(args.onCreatePost).toHaveBeenCalledWith("2026-03-08");
    await expect(canvas.getByText(/third tends to take reach/)).toBeInTheDocument();
    // Past days take no new posts.
    await expect(canvas.queryByRole("button", { name: "New post on Tue 3" })).toBeNull();
  },
};
export const ReadOnly: Story = {
  args: { readOnly: true, showBestSlots: true },
  play: async ({ canvasElement, canvas, args }) => {
    await expect(canvasElement.querySelector('[aria-roledescription="draggable"]')).toBeNull();
    await expect(canvas.queryByRole("button", { name: /New post/ })).toBeNull();
    await userEvent.click(canvas.getByRole("button", { name: /Thursday specials/ }));
    await expect(args.onOpenPost).toHaveBeenCalledWith("d");
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
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector("section") as HTMLElement;
    await expect(board.scrollWidth).toBeLessThanOrEqual(board.clientWidth);
  },
};
export const EmptyWeek: Story = { args: { days: week.map((d) => ({ ...d, posts: [] })) } };
export const ManyItems: Story = {
  args: {
    days: week.map((d, i) => ({
      ...d,
      posts: Array.from({ length: i === 3 ? 6 : 2 }, (_, j) => ({
        id: `${d.date}-${j}`,
        title: `Post ${j + 1} for ${d.label}`,
        time: `${String(8 + j * 2).padStart(2, "0")}:00`,
        platform: "instagram" as const,
        contentType: "photo" as const,
      })),
    })),
  },
};
export const DarkTheme: Story = { args: { showBestSlots: true }, globals: { theme: "dark" } };
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
