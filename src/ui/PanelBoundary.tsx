/**
 * An error boundary around each panel: a panel that fails to render shows one line saying so,
 * with a button to try again, and every other panel keeps working. Nothing a link, a file or a
 * saved scenario holds should reach here (inputs are validated first); this is the last guard,
 * so a defect shows as a message instead of a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What the panel is, for the message ("Lesson", "Saved scenarios"). */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class PanelBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} panel failed`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const detail = error.message.replace(/\s+/g, " ").slice(0, 200);
    return (
      <section role="alert" data-testid="panel-error" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm [overflow-wrap:anywhere] text-red-900">
        <p>
          <span className="font-medium">{this.props.name}</span> could not be shown ({detail}); the rest of the page still works.
        </p>
        <button type="button" className="mt-2 rounded border border-red-300 bg-white px-2 py-1 text-sm" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
