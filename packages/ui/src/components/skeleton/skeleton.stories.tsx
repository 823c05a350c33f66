import type { Meta, StoryObj } from "@storybook/react-vite";
import { Skeleton } from "./skeleton";

const meta = {
  title: "Primitives/Skeleton",
  component: Skeleton,
  args: { width: "16rem" },
} satisfies Meta<typeof Skeleton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Text: Story = {};
export const Block: Story = { args: { shape: "block", width: "20rem", height: "6rem" } };
export const Circle: Story = { args: { shape: "circle", width: "3rem", height: "3rem" } };
export const CardLoading: Story = {
  render: () => (
    <div aria-busy="true" aria-label="Loading posts" role="status" style={{ display: "grid", gap: 8, maxWidth: 320 }}>
      <Skeleton shape="circle" width="2.5rem" height="2.5rem" />
      <Skeleton width="60%" />
      <Skeleton />
      <Skeleton width="80%" />
    </div>
  ),
};
export const DarkTheme: Story = { ...CardLoading, globals: { theme: "dark" } };
