import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CalendarMonth } from "./calendar";
import { month } from "./calendar.fixtures";

const meta = {
  title: "Domain/Calendar/Month",
  component: CalendarMonth,
  args: {
    label: "March 2026",
    days: month,
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
} satisfies Meta<typeof CalendarMonth>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Month: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("group", { name: /Thu 5 Mar: 3 posts/ })).toBeInTheDocument();
    await expect(canvas.getAllByRole("group", { name: /posts?$/ })).toHaveLength(42);
  },
};
export const KeyboardMoveByWeek: Story = {
  play: async ({ canvas, args }) => {
    canvas.getByRole("button", { name: /Spring menu teaser/ }).focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(document.body).toHaveTextContent(/is over/));
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(document.body).toHaveTextContent(/is over Thu 19 Mar/));
    await userEvent.keyboard("{ArrowRight}");
    await userEvent.keyboard(" ");
    await waitFor(() => expect(args.onMovePost).toHaveBeenCalledWith("m1", "2026-03-20"));
    await expect(
      within(canvas.getByRole("group", { name: /Fri 20 Mar: 1 post/ })).getByText(
        "Spring menu teaser",
      ),
    ).toBeInTheDocument();
    // Keyboard dragging scrolls the chip into view; a fractional scroll offset made the baseline's
    // height round to 897 or 898 px from run to run.
    window.scrollTo(0, 0);
  },
};
export const EscapeCancels: Story = {
  play: async ({ canvas, args }) => {
    canvas.getByRole("button", { name: /Staff picks/ }).focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(document.body).toHaveTextContent(/is over/));
    await userEvent.keyboard("{ArrowUp}");
    await userEvent.keyboard("{Escape}");
    await expect(args.onMovePost).not.toHaveBeenCalled();
    await expect(
      within(canvas.getByRole("group", { name: /Wed 18 Mar: 1 post/ })).getByText("Staff picks"),
    ).toBeInTheDocument();
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
  play: async ({ canvasElement, canvas, args }) => {
    const board = canvasElement.querySelector("section") as HTMLElement;
    await expect(board.scrollWidth).toBeLessThanOrEqual(board.clientWidth);
    // One-line chips still open their post.
    await userEvent.click(canvas.getByRole("button", { name: /Spring menu teaser/ }));
    await expect(args.onOpenPost).toHaveBeenCalledWith("m1");
  },
};
export const DarkTheme: Story = { args: { showBestSlots: true }, globals: { theme: "dark" } };
