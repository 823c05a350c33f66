import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { CalendarList } from "./calendar";
import { week } from "./calendar.fixtures";

const meta = {
  title: "Domain/Calendar/List",
  component: CalendarList,
  args: {
    label: "Week of 2 March",
    days: week,
    showBestSlots: true,
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
} satisfies Meta<typeof CalendarList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const List: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("group", { name: /Sat 7: 1 post/ })).toHaveTextContent("Example");
  },
};
export const KeyboardMove: Story = {
  play: async ({ canvas, args }) => {
    canvas.getByRole("button", { name: /Market haul/ }).focus();
    await userEvent.keyboard(" ");
    await waitFor(() => expect(document.body).toHaveTextContent(/is over/));
    await userEvent.keyboard("{ArrowDown}");
    await userEvent.keyboard(" ");
    await waitFor(() => expect(args.onMovePost).toHaveBeenCalledWith("e", "2026-03-08"));
    await expect(
      within(canvas.getByRole("group", { name: /Sun 8: 1 post/ })).getByText("Market haul"),
    ).toBeInTheDocument();
  },
};
export const PublishedPostsStay: Story = {
  play: async ({ canvas }) => {
    // A published post opens but cannot be picked up.
    const chip = canvas.getByRole("button", { name: /Sourdough turns five/ });
    await expect(chip).not.toHaveAttribute("aria-roledescription", "draggable");
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
export const DarkTheme: Story = { globals: { theme: "dark" } };
