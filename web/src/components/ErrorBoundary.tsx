import { Component, type ReactNode } from 'react';

/** Keeps a failing part (the map chunk that could not download, a WebGL crash) from taking the page down. */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { echec: boolean }> {
  state = { echec: false };

  static getDerivedStateFromError() {
    return { echec: true };
  }

  render() {
    return this.state.echec ? this.props.fallback : this.props.children;
  }
}
