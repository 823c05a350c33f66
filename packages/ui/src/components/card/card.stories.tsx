import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "../button/button";
import { Card } from "./card";

const meta = {
  title: "Layout/Card",
  component: Card,
  args: {
    title: "This week's plan",
    description: "Three posts, one story, one reply session.",
    children: <p style={{ margin: 0 }}>Thursday's behind-the-scenes reel got the most saves last month.</p>,
  },
} satisfies Meta<typeof Card>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithActions: Story = { args: { actions: <Button size="sm" variant="secondary">Edit plan</Button> } };
export const BodyOnly: Story = { args: { title: undefined, description: undefined } };
export const LongText: Story = {
  args: {
    title: "A very long card title that keeps going because someone pasted a whole sentence into the field",
    description: "And a description that is also long enough to wrap onto a second or third line on a narrow screen.",
    actions: <Button size="sm">Action</Button>,
  },
};
export const DarkTheme: Story = { args: { actions: <Button size="sm">Open</Button> }, globals: { theme: "dark" } };
