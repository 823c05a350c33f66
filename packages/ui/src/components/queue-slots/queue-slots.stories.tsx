import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { QueueSlots } from "./queue-slots";

const meta = {
  title: "Domain/QueueSlots",
  component: QueueSlots,
  args: {
    timeZone: "Europe/Paris",
    slots: [
      { id: "s1", weekday: 1, time: "18:00", evidence: "1.3x your typical post, from 26 posts" },
      { id: "s2", weekday: 4, time: "12:00", evidence: null },
    ],
    suggestions: [
      { weekday: 1, time: "18:00", evidence: "1.3x your typical post, from 26 posts", taken: true },
      { weekday: 5, time: "10:00", evidence: "1.2x your typical post, from 19 posts" },
      { weekday: 2, time: "08:00", evidence: "1.1x your typical post, from 41 posts" },
    ],
    onAdd: fn(),
    onUpdate: fn(),
    onRemove: fn(),
  },
  decorators: [
    (Story) => (
      <div style={{ maxWidth: 640 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof QueueSlots>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    const suggested = canvas.getByRole("region", { name: "Suggested slots" });
    // A suggestion already kept is not offered twice; the others come in weekday order.
    await expect(within(suggested).getAllByRole("listitem")).toHaveLength(2);
    await userEvent.click(
      within(suggested).getByRole("button", { name: "Add Wednesday 08:00 as a slot" }),
    );
    await expect(args.onAdd).toHaveBeenCalledWith(2, "08:00");
  },
};
export const EditAndRemove: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Edit Friday 12:00" }));
    const form = canvas.getByRole("form", { name: "Edit Friday 12:00" });
    await userEvent.selectOptions(within(form).getByLabelText("Day"), "Saturday");
    await userEvent.click(within(form).getByRole("button", { name: "Save" }));
    await expect(args.onUpdate).toHaveBeenCalledWith("s2", 5, "12:00");
    await userEvent.click(canvas.getByRole("button", { name: "Remove Tuesday 18:00" }));
    await expect(args.onRemove).toHaveBeenCalledWith("s1");
  },
};
export const AddOwn: Story = {
  args: { error: "A slot on Monday at 09:00 exists already." },
  play: async ({ canvas, args }) => {
    const form = canvas.getByRole("form", { name: "Add a slot" });
    await userEvent.click(within(form).getByRole("button", { name: "Add slot" }));
    await expect(args.onAdd).toHaveBeenCalledWith(0, "09:00");
    await expect(
      within(form).getByText("A slot on Monday at 09:00 exists already."),
    ).toBeInTheDocument();
  },
};
export const ReadOnly: Story = {
  args: { readOnly: true },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole("button")).toBeNull();
  },
};
export const Empty: Story = { args: { slots: [], suggestions: [] } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
