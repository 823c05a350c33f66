export type Platform = "instagram" | "facebook" | "tiktok" | "x" | "linkedin";

export const platformLabels: Record<Platform, string> = {
  instagram: "Instagram",
  facebook: "Facebook",
  tiktok: "TikTok",
  x: "X",
  linkedin: "LinkedIn",
};
