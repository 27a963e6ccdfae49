// The shape of a home-page widget (DAY-2): domains that offer a widget (programmes, the timetable's
// approval…) build this shape and lib/home composes them — a shared home, so a domain importing it
// does not tie itself to the home page's loaders.
export type HomeTask = { href: string; text: string; note?: string };
export type HomeWidget = { key: string; title: string; tasks: HomeTask[]; empty: string; more?: HomeTask };
