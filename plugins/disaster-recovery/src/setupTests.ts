import '@testing-library/jest-dom';

// Recharts' ResponsiveContainer observes its size; jsdom has no layout.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver;
