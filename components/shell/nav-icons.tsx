import type { PageKey } from "./nav-items";

// Hand-drawn 24px stroke icons: the studio ships no icon package.
const paths: Record<PageKey, string> = {
  pipeline: "M3 6.5h5v5H3zM16 6.5h5v5h-5zM9.5 15.5h5v5h-5zM8 9h8M18.5 11.5v2.5l-6.5 1.5M5.5 11.5v2.5l6.5 1.5",
  corpus: "M7 3h7l5 5v13H7zM14 3v5h5M10 13h6M10 17h6",
  knowledge: "M8.25 7a2.25 2.25 0 1 1-4.5 0a2.25 2.25 0 1 1 4.5 0M20.25 7a2.25 2.25 0 1 1-4.5 0a2.25 2.25 0 1 1 4.5 0M14.25 18a2.25 2.25 0 1 1-4.5 0a2.25 2.25 0 1 1 4.5 0M8.25 7h7.5M7.1 9l3.8 7M16.9 9l-3.8 7",
  tester: "M9 3h6M10 3v6l-5.2 9.1A2 2 0 0 0 6.5 21h11a2 2 0 0 0 1.7-2.9L14 9V3M7.5 15h9",
  builder: "M12 3 3 8l9 5 9-5zM3 13l9 5 9-5M3 17.5l9 5 9-5",
  models: "M12 3l8 4.5v9L12 21l-8-4.5v-9zM12 12l8-4.5M12 12v9M12 12 4 7.5",
  evaluation: "M4 5h16M4 12h10M4 19h7M16 17l2 2 4-4",
  debugger: "M9 8.5a3 3 0 0 1 6 0M8 10h8v4a4 4 0 0 1-8 0zM12 14v4M4 12h4M16 12h4M5 18l3-2M19 18l-3-2M5 6l3 3M19 6l-3 3",
  dashboards: "M4 20h16M7 16v-4M12 16V6M17 16v-7",
  jobs: "M3 12h4l3-7 4 14 3-7h4",
  users: "M9 11a3.5 3.5 0 1 0 0-7a3.5 3.5 0 0 0 0 7M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6.5 6.5 0 0 1 3.5 6",
  audit: "M12 3l7 3v5c0 4.5-3 8.5-7 10c-4-1.5-7-5.5-7-10V6zM9 12l2 2 4-4",
  settings: "M12 15a3 3 0 1 0 0-6a3 3 0 0 0 0 6M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3a1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5a1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8a1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1a1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5a1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z",
  account: "M12 12a4 4 0 1 0 0-8a4 4 0 0 0 0 8M4 21a8 8 0 0 1 16 0",
};

export function NavIcon({ name, className }: { name: PageKey; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden>
      <path d={paths[name]} />
    </svg>
  );
}

export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="8" fill="url(#proda-logo)" />
      <path d="M11 23V9h6.2a4.6 4.6 0 0 1 0 9.2H11" fill="none" stroke="white" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="21.5" cy="22.5" r="1.9" fill="white" />
      <defs>
        <linearGradient id="proda-logo" x1="0" y1="0" x2="32" y2="32">
          <stop stopColor="#818cf8" />
          <stop offset="1" stopColor="#4f46e5" />
        </linearGradient>
      </defs>
    </svg>
  );
}
