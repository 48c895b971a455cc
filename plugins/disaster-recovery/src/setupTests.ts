import '@testing-library/jest-dom';

// Recharts' ResponsiveContainer observes its size; jsdom has no layout.
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver;

// Rendering the overview table and its MUI inputs takes seconds on a busy
// 2-core CI machine; Jest's 5 s default makes such tests flaky there.
jest.setTimeout(30_000);
