/** Renders Astro components through Astro's container API, for component tests. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

type Component = Parameters<AstroContainer['renderToString']>[0];

let container: AstroContainer | undefined;

/** The component's HTML, without Astro's scoping attributes, so assertions read like the page. */
export async function renderComponent(component: Component, props: Record<string, unknown>): Promise<string> {
  container ??= await AstroContainer.create();
  const html = await container.renderToString(component, { props });
  return html.replace(/ data-astro-cid-\w+(="[^"]*")?/g, '').replace(/ class="astro-\w+"/g, '');
}
