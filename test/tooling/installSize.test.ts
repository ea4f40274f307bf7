import { INSTALL_GB } from '../../e2e/lib/install';
import { readmeSection } from '../harness/readme';

/** The README says what a first install takes on disk; the console says it too, from INSTALL_GB. */
describe('first-install size', () => {
	const gb = (value: number) => `${value.toFixed(1)} GB`;
	const said = (section: string, pattern: RegExp) =>
		pattern.exec(readmeSection(section).replace(/\s+/g, ' '))?.[0];

	it("is in the README's npm run dev section as the console prints it for n8n 2.x", () => {
		const { n8n2, node24 } = INSTALL_GB;
		expect(
			said(
				'## Try the nodes in n8n',
				/about [\d.]+ GB on disk: [\d.]+ GB of n8n, [\d.]+ GB of Node\.js/,
			),
		).toBe(`about ${gb(n8n2 + node24)} on disk: ${gb(n8n2)} of n8n, ${gb(node24)} of Node.js`);
	});

	it("adds up to the README's end-to-end size for both n8n lines", () => {
		const { n8n2, n8n1, node24 } = INSTALL_GB;
		expect(
			said(
				'### End-to-end tests in real n8n servers',
				/installs both n8n lines into \S+ \(about \d+ GB/,
			),
		).toBe(
			`installs both n8n lines into \`.cache/n8n/\` (about ${Math.round(n8n2 + n8n1 + node24)} GB`,
		);
	});
});
