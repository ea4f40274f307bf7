import type { Sandbox, SandboxRequest, SandboxResponse } from './server';
import { json } from './server';
import type { ThinkificProvider, ThinkificUser } from './thinkific';

/**
 * More of Thinkific's Admin API, as its OpenAPI file (ballerina-platform/openapi-connectors
 * `openapi/thinkific/openapi.yaml`, and the per-tag copies in api-evangelist/thinkific) and
 * its changelog describe it, for the site `ThinkificProvider` plays:
 * - groups: `GET|POST /groups`, `GET|DELETE /groups/{id}` (DELETE from the changelog
 *   "Delete Group Endpoint"), `POST /group_users {user_id, group_names}` (by *name*;
 *   201 without a body; there is no route that takes a user out of a group), and the
 *   group's analysts `GET|POST /groups/{id}/analysts` (`{group_analysts: [user IDs]}`,
 *   `{user_ids}`; only users with the `group_analyst` role) and
 *   `DELETE /groups/{id}/analysts/{user_id}`;
 * - bundles: `GET /bundles/{id}`, `GET /bundles/{id}/courses`, and its enrollments
 *   `GET|POST|PUT /bundles/{id}/enrollments` (POST enrolls the user in every course of
 *   the bundle and answers 201, or 202 when Thinkific does it later: both are
 *   documented). Thinkific has no list of bundles: they are the products whose
 *   `productable_type` is "Bundle";
 * - course content: `GET /courses/{id}/chapters`, `GET /chapters/{id}`,
 *   `GET /chapters/{id}/contents`;
 * - instructors: `GET|POST /instructors`, `GET|PUT|DELETE /instructors/{id}` (the spec
 *   requires first_name, last_name and slug in POST and PUT bodies alike);
 * - course reviews: `GET|POST /course_reviews?course_id=` (course_id in the query).
 * Lists are paged as every Thinkific list is (see `ThinkificProvider.page`).
 */

type Row = Record<string, unknown>;

const NOT_FOUND = { error: 'Record not found.' };
const BLANK = "can't be blank";

interface Bundle extends Row {
	id: number;
	name: string;
	course_ids: number[];
	product_id: number;
}

function isDate(value: unknown): boolean {
	return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function slugOf(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

export class ThinkificAdminRoutes {
	groups = new Map<number, Row & { id: number; name: string }>();
	/** The analysts (user IDs) of each group. */
	analysts = new Map<number, Set<number>>();
	bundles = new Map<number, Bundle>();
	/** The enrollments (IDs) that each bundle's enrollment made. */
	bundleEnrollments = new Map<number, Set<number>>();
	chapters = new Map<number, Row & { id: number; course_id: number }>();
	contents = new Map<number, Row & { id: number; chapter_id: number }>();
	instructors = new Map<number, Row & { id: number }>();
	reviews = new Map<number, Row & { id: number; course_id: number }>();
	/** How POST /bundles/{id}/enrollments answers: 201 (done now) or 202 (done later). */
	bundleEnrollmentStatus: 201 | 202 = 201;
	/**
	 * How a group's analysts are listed: `{group_analysts: [user IDs]}` as the spec
	 * shows, or the paged `{items, meta}` of every other list (records with `user_id`).
	 */
	analystsShape: 'ids' | 'paged' = 'ids';
	private nextId = new Map<string, number>();

	constructor(private readonly site: ThinkificProvider) {
		this.reset();
	}

	/** The site as it starts: one group, one bundle of two courses, two chapters, one instructor. */
	reset(): void {
		for (const map of [
			this.groups,
			this.analysts,
			this.bundles,
			this.bundleEnrollments,
			this.chapters,
			this.contents,
			this.instructors,
			this.reviews,
		]) {
			map.clear();
		}
		this.nextId.clear();
		this.bundleEnrollmentStatus = 201;
		this.analystsShape = 'ids';
		this.addGroup('Staff');
		this.bundles.set(301, {
			id: 301,
			name: 'Pottery Bundle',
			description: 'Intro to Pottery and Advanced Glazing',
			tagline: '',
			banner_image_url: null,
			bundle_card_image_url: 'https://files.example.com/pottery-bundle.jpg',
			course_ids: [101, 102],
			product_id: 401,
		});
		this.seedChapters(101, ['Clay', 'Wheel'], 2);
		this.addInstructor({ first_name: 'Ada', last_name: 'Potter', slug: 'ada-potter' });
	}

	private id(kind: string, first = 1): number {
		const id = this.nextId.get(kind) ?? first;
		this.nextId.set(kind, id + 1);
		return id;
	}

	addGroup(name: string): Row & { id: number; name: string } {
		const id = this.id('group');
		const group = {
			id,
			name,
			token: id.toString(16).padStart(8, 'c'),
			created_at: new Date().toISOString(),
		};
		this.groups.set(id, group);
		return group;
	}

	/** Adds `count` groups ("Group 1" …). */
	seedGroups(count: number, name: (i: number) => string = (i) => `Group ${i}`): void {
		for (let i = 1; i <= count; i++) this.addGroup(name(i));
	}

	/** Adds chapters (each with `lessons` contents) to a course. */
	seedChapters(courseId: number, names: string[], lessons: number): number[] {
		return names.map((name, index) => {
			const id = this.id('chapter');
			const contentIds = Array.from({ length: lessons }, (_, i) => {
				const contentId = this.id('content', 1001);
				this.contents.set(contentId, {
					id: contentId,
					name: `${name} lesson ${i + 1}`,
					position: i + 1,
					chapter_id: id,
					contentable_type: 'Lesson',
					free: i === 0,
					take_url: `https://acme.thinkific.com/courses/take/${courseId}/lessons/${contentId}`,
				});
				return contentId;
			});
			this.chapters.set(id, {
				id,
				name,
				position: index + 1,
				description: `${name}, a chapter`,
				duration_in_seconds: 60 * lessons,
				content_ids: contentIds,
				course_id: courseId,
			});
			return id;
		});
	}

	addInstructor(body: Row): Row & { id: number } {
		const id = this.id('instructor');
		const instructor = {
			id,
			user_id: body.user_id ?? null,
			title: body.title ?? null,
			first_name: body.first_name,
			last_name: body.last_name,
			bio: body.bio ?? null,
			slug: body.slug,
			avatar_url: body.avatar_url ?? null,
			email: body.email ?? null,
			created_at: new Date().toISOString(),
		};
		this.instructors.set(id, instructor);
		return instructor;
	}

	/** Adds `count` instructors ("First1 Teacher" …). */
	seedInstructors(count: number): void {
		for (let i = 1; i <= count; i++) {
			this.addInstructor({
				first_name: `First${i}`,
				last_name: 'Teacher',
				slug: `first${i}-teacher`,
				email: `teacher${i}@example.com`,
			});
		}
	}

	/** The bundles as Thinkific lists them: among the products. */
	bundleProducts(): Row[] {
		return [...this.bundles.values()].map((b) => ({
			id: b.product_id,
			created_at: '2026-01-01T00:00:00.000Z',
			productable_id: b.id,
			productable_type: 'Bundle',
			price: 99,
			position: 10,
			status: 'published',
			name: b.name,
			private: false,
			hidden: false,
			subscription: false,
			days_until_expiry: null,
			slug: slugOf(b.name),
		}));
	}

	/** Answers a request of these routes, or undefined when the path is not one of them. */
	handle(
		method: string,
		path: string,
		req: SandboxRequest,
		sandbox: Sandbox,
	): SandboxResponse | undefined {
		const [resource, id, sub, subId] = path.split('/').slice(1);
		const route = `${method} /${[resource, id && ':id', sub, subId && ':sub'].filter(Boolean).join('/')}`;
		const body = req.body ?? {};
		const records = this.records(method, resource, id, sub, req);
		if (records) return records;
		switch (route) {
			case 'POST /groups':
				return this.createGroup(body, sandbox);
			case 'POST /group_users':
				return this.addToGroups(body, sandbox);
			case 'GET /groups/:id/analysts':
			case 'POST /groups/:id/analysts':
			case 'DELETE /groups/:id/analysts/:sub':
				return this.groupAnalysts(req, Number(id), body, subId);
			case 'GET /bundles/:id/courses':
				return this.withBundle(id, (b) =>
					this.site.page(
						req,
						this.site.courses.filter((c) => b.course_ids.includes(c.id)),
					),
				);
			case 'GET /bundles/:id/enrollments':
				return this.withBundle(id, (b) => this.listBundleEnrollments(b, req));
			case 'POST /bundles/:id/enrollments':
				return this.withBundle(id, (b) => this.enrollInBundle(b, body, sandbox));
			case 'PUT /bundles/:id/enrollments':
				return this.withBundle(id, (b) => this.updateBundleEnrollments(b, body));
			case 'GET /courses/:id/chapters':
				return this.site.courses.some((c) => String(c.id) === id)
					? this.site.page(
							req,
							[...this.chapters.values()].filter((c) => String(c.course_id) === id),
						)
					: json(404, NOT_FOUND);
			case 'GET /chapters/:id/contents':
				return this.chapters.has(Number(id))
					? this.site.page(
							req,
							[...this.contents.values()].filter((c) => String(c.chapter_id) === id),
						)
					: json(404, NOT_FOUND);
			case 'POST /instructors':
				return this.createInstructor(body, sandbox);
			case 'PUT /instructors/:id':
				return this.updateInstructor(Number(id), body);
			case 'GET /course_reviews':
				return this.listReviews(req);
			case 'POST /course_reviews':
				return this.createReview(req, body, sandbox);
			default:
				return undefined;
		}
	}

	/**
	 * The routes every kind of record has: `GET /<kind>` (groups and instructors),
	 * `GET /<kind>/{id}`, and `DELETE /<kind>/{id}` (groups and instructors).
	 */
	private records(
		method: string,
		resource: string,
		id: string | undefined,
		sub: string | undefined,
		req: SandboxRequest,
	): SandboxResponse | undefined {
		const kinds: Record<string, Map<number, Row>> = {
			groups: this.groups,
			instructors: this.instructors,
			bundles: this.bundles,
			chapters: this.chapters,
		};
		const store = kinds[resource];
		const listed = resource === 'groups' || resource === 'instructors';
		if (!store || sub !== undefined) return undefined;
		if (method === 'GET' && id === undefined && listed) {
			return this.site.page(req, [...store.values()]);
		}
		if (method === 'GET' && id !== undefined) {
			const record = store.get(Number(id));
			return record ? json(200, record) : json(404, NOT_FOUND);
		}
		if (method === 'DELETE' && id !== undefined && listed) {
			return store.delete(Number(id)) ? { status: 204 } : json(404, NOT_FOUND);
		}
		return undefined;
	}

	private user(value: unknown): ThinkificUser | undefined {
		return Number.isInteger(value) ? this.site.users.get(value as number) : undefined;
	}

	// ---- groups ---------------------------------------------------------------

	private createGroup(body: Row, sandbox: Sandbox): SandboxResponse {
		if (typeof body.name !== 'string' || body.name.trim() === '') {
			return json(422, { errors: { name: [BLANK] } });
		}
		sandbox.bump('thinkific', 'groups created');
		// The spec gives 200 (not 201) for a created group.
		return json(200, this.addGroup(body.name));
	}

	private addToGroups(body: Row, sandbox: Sandbox): SandboxResponse {
		const user = this.user(body.user_id);
		if (!user) return json(422, { errors: ['Invalid user_id'] });
		const names = body.group_names;
		const groups = Array.isArray(names)
			? names.map((name) => [...this.groups.values()].find((g) => g.name === name))
			: [];
		if (groups.length === 0 || groups.some((g) => g === undefined)) {
			return json(422, { errors: ['Invalid group_names'] });
		}
		const member = (user as Row).group_ids as number[];
		for (const group of groups) {
			if (!member.includes(group!.id)) member.push(group!.id);
		}
		sandbox.bump('thinkific', 'group users added');
		return { status: 201 };
	}

	private groupAnalysts(
		req: SandboxRequest,
		groupId: number,
		body: Row,
		userId: string | undefined,
	): SandboxResponse {
		const method = req.method;
		if (!this.groups.has(groupId)) {
			return json(404, { error: { group_id: [`Could not find group with ID ${groupId}.`] } });
		}
		const analysts = this.analysts.get(groupId) ?? new Set<number>();
		this.analysts.set(groupId, analysts);
		if (method === 'GET' && this.analystsShape === 'paged') {
			return this.site.page(
				req,
				[...analysts].map((id) => ({ user_id: id, group_id: groupId })),
			);
		}
		if (method === 'GET') return json(200, { group_analysts: [...analysts] });
		if (method === 'DELETE') {
			if (!analysts.delete(Number(userId))) {
				return json(404, { error: { user_id: [`Could not find user with ID ${userId}.`] } });
			}
			return { status: 204 };
		}
		const ids = Array.isArray(body.user_ids) ? body.user_ids : [];
		const unknown = ids.filter((id) => !this.user(id));
		if (ids.length === 0 || unknown.length) {
			return json(422, { errors: { user_id: `Invalid user IDs: ${unknown.join(', ')}` } });
		}
		const noRole = ids.filter(
			(id) => !(this.user(id)!.roles as string[]).includes('group_analyst'),
		);
		if (noRole.length) {
			return json(422, {
				errors: { group_analysts: `User IDs missing group_analysts role: ${noRole.join(', ')}` },
			});
		}
		for (const id of ids) analysts.add(id as number);
		return { status: 201 };
	}

	// ---- bundles --------------------------------------------------------------

	private withBundle(
		id: string | undefined,
		then: (bundle: Bundle) => SandboxResponse,
	): SandboxResponse {
		const bundle = this.bundles.get(Number(id));
		return bundle ? then(bundle) : json(404, NOT_FOUND);
	}

	private enrollmentsOf(bundle: Bundle): Set<number> {
		const ids = this.bundleEnrollments.get(bundle.id) ?? new Set<number>();
		this.bundleEnrollments.set(bundle.id, ids);
		return ids;
	}

	private listBundleEnrollments(bundle: Bundle, req: SandboxRequest): SandboxResponse {
		const ids = this.enrollmentsOf(bundle);
		const matching = this.site.filterEnrollments(req.query).filter((e) => ids.has(e.id as number));
		return this.site.page(req, matching);
	}

	private enrollmentErrors(body: Row): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		if (body.user_id === undefined || body.user_id === null) errors.user_id = [BLANK];
		else if (!this.user(body.user_id)) errors.user_id = ['User could not be found.'];
		for (const field of ['activated_at', 'expiry_date']) {
			if (body[field] !== undefined && body[field] !== null && !isDate(body[field])) {
				errors[field] = ['is invalid'];
			}
		}
		return errors;
	}

	private enrollInBundle(bundle: Bundle, body: Row, sandbox: Sandbox): SandboxResponse {
		const errors = this.enrollmentErrors(body);
		if (Object.keys(errors).length) return json(422, { errors });
		const ids = this.enrollmentsOf(bundle);
		for (const courseId of bundle.course_ids) {
			const answer = this.site.createEnrollment(
				{
					course_id: courseId,
					user_id: body.user_id,
					activated_at: body.activated_at,
					expiry_date: body.expiry_date,
				},
				sandbox,
			);
			ids.add((answer.body as Row).id as number);
		}
		sandbox.bump('thinkific', 'bundle enrollments created');
		return { status: this.bundleEnrollmentStatus };
	}

	private updateBundleEnrollments(bundle: Bundle, body: Row): SandboxResponse {
		const errors = this.enrollmentErrors(body);
		if (Object.keys(errors).length) return json(422, { errors });
		const ids = this.enrollmentsOf(bundle);
		const mine = [...ids]
			.map((id) => this.site.enrollments.get(id))
			.filter((e): e is Row => e !== undefined && e.user_id === body.user_id);
		if (mine.length === 0) return json(404, NOT_FOUND);
		const { activated_at, expiry_date } = body;
		for (const enrollment of mine) {
			this.site.updateEnrollment(enrollment, { activated_at, expiry_date });
		}
		return { status: 204 };
	}

	// ---- instructors ------------------------------------------------------------

	private instructorErrors(body: Row, self?: number): Record<string, string[]> {
		const errors: Record<string, string[]> = {};
		for (const field of ['first_name', 'last_name', 'slug']) {
			if (typeof body[field] !== 'string' || String(body[field]).trim() === '') {
				errors[field] = [BLANK];
			}
		}
		const taken = [...this.instructors.values()].some((i) => i.slug === body.slug && i.id !== self);
		if (taken) errors.slug = ['has already been taken'];
		return errors;
	}

	private createInstructor(body: Row, sandbox: Sandbox): SandboxResponse {
		const errors = this.instructorErrors(body);
		if (Object.keys(errors).length) return json(422, { errors });
		sandbox.bump('thinkific', 'instructors created');
		return json(201, this.addInstructor(body));
	}

	private updateInstructor(id: number, body: Row): SandboxResponse {
		const instructor = this.instructors.get(id);
		if (!instructor) return json(404, NOT_FOUND);
		const errors = this.instructorErrors(body, id);
		if (Object.keys(errors).length) return json(422, { errors });
		const fields = [
			'user_id',
			'title',
			'first_name',
			'last_name',
			'bio',
			'slug',
			'avatar_url',
			'email',
		];
		for (const field of fields) {
			if (body[field] !== undefined) instructor[field] = body[field];
		}
		return { status: 204 };
	}

	// ---- course reviews ---------------------------------------------------------

	private listReviews(req: SandboxRequest): SandboxResponse {
		const courseId = req.query.get('course_id');
		if (!courseId) return json(400, { error: 'Parameter course_id is required.' });
		let list = [...this.reviews.values()].filter((r) => String(r.course_id) === courseId);
		if (req.query.get('approved') === 'true') list = list.filter((r) => r.approved === true);
		return this.site.page(req, list);
	}

	private createReview(req: SandboxRequest, body: Row, sandbox: Sandbox): SandboxResponse {
		const courseId = Number(req.query.get('course_id'));
		if (!this.site.courses.some((c) => c.id === courseId)) return json(404, NOT_FOUND);
		const errors: Record<string, string[]> = {};
		for (const field of ['rating', 'title', 'review_text', 'user_id', 'approved']) {
			if (body[field] === undefined || body[field] === null || body[field] === '') {
				errors[field] = [BLANK];
			}
		}
		const rating = body.rating as number;
		if (body.rating !== undefined && !(Number.isInteger(rating) && rating >= 1 && rating <= 5)) {
			errors.rating = ['must be a whole number from 1 to 5'];
		}
		if (body.user_id !== undefined && !this.user(body.user_id)) {
			errors.user_id = ['User could not be found.'];
		}
		if (Object.keys(errors).length) return json(422, { errors });
		const id = this.id('review');
		const review = {
			id,
			rating,
			title: body.title,
			review_text: body.review_text,
			user_id: body.user_id,
			course_id: courseId,
			approved: body.approved === true,
			created_at: new Date().toISOString(),
		};
		this.reviews.set(id, review);
		sandbox.bump('thinkific', 'course reviews created');
		return json(201, review);
	}
}
