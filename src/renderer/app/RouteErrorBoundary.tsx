import { Component, type ReactNode } from 'react';

interface RouteErrorBoundaryProps {
  /** What the screen says instead when it failed to render, with a way out. */
  fallback: ReactNode;
  children: ReactNode;
}

/**
 * A screen that throws while rendering shows its fallback instead of a blank page; the Shell keys
 * it on the route, so moving to another screen tries again.
 */
export class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
