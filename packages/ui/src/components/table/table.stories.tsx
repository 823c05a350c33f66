import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Badge } from "../badge/badge";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "./table";

const posts = [
  { title: "Sourdough turns five", platform: "Instagram", saves: 48, reach: 1210 },
  { title: "Meet Ana, our new chef", platform: "Facebook", saves: 12, reach: 860 },
  { title: "Behind the pass on a Friday", platform: "TikTok", saves: 97, reach: 4020 },
];

function PostsTable({ rows, caption = "Posts this month" }: { rows: typeof posts; caption?: string }) {
  return (
    <Table caption={caption}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Post</TableHeaderCell>
          <TableHeaderCell>Platform</TableHeaderCell>
          <TableHeaderCell numeric>Saves</TableHeaderCell>
          <TableHeaderCell numeric>Save rate (of reach)</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((p) => (
          <TableRow key={p.title}>
            <TableCell>{p.title}</TableCell>
            <TableCell>
              <Badge>{p.platform}</Badge>
            </TableCell>
            <TableCell numeric>{p.saves}</TableCell>
            <TableCell numeric>{((p.saves / p.reach) * 100).toFixed(1)}%</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const meta = {
  title: "Primitives/Table",
  component: Table,
} satisfies Meta<typeof Table>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  render: () => <PostsTable rows={posts} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("table", { name: "Posts this month" })).toBeInTheDocument();
    await expect(canvas.getAllByRole("columnheader")).toHaveLength(4);
  },
};
export const ManyItems: Story = {
  render: () => (
    <PostsTable
      rows={Array.from({ length: 25 }, (_, i) => ({ title: `Post ${i + 1}`, platform: ["Instagram", "TikTok", "X"][i % 3] ?? "X", saves: (i * 7) % 50, reach: 500 + i * 40 }))}
    />
  ),
};
export const Empty: Story = { render: () => <PostsTable rows={[]} caption="No posts yet" /> };
export const DarkTheme: Story = { render: () => <PostsTable rows={posts} />, globals: { theme: "dark" } };
