import { Component, type ReactNode } from 'react';

/** Keeps one broken view from blanking the page: the error is named and the rest stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; label: string }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (this.state.error)
      return (
        <div role="alert" className="error-box">
          <p>
            The {this.props.label} view hit an error: {this.state.error.message}. The other views and your settings are
            unaffected.
          </p>
          <button type="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </div>
      );
    return this.props.children;
  }
}
