/**
 * The real hosts of the deploy tests: nginx (Debian package, the committed nginx.conf with its
 * placeholders filled in, run in the foreground on loopback ports) and the strict static
 * server (strict-static-server.mjs), in GitHub Pages mode and in Surge/Netlify mode. Also the
 * sub-path build, made once into build-subpath/.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startServer } from './strict-static-server.mjs';

export const repo = resolve(import.meta.dirname, '..', '..');
export const siteDir = join(repo, 'build');
export const subpathDir = join(repo, 'build-subpath');
/** Two segments, so that a link that drops or doubles the base cannot pass by chance. */
export const BASE_PATH = '/team/evidence';

/** Ports: DEPLOY_PORT, else E2E_PORT + 10 (parallel work trees each have their own E2E_PORT). */
const firstPort = Number(process.env.DEPLOY_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);
export const ports = {
	nginxRoot: firstPort,
	nginxRewrite: firstPort + 1,
	nginxSubpath: firstPort + 2,
	strictRoot: firstPort + 3,
	strictSubpath: firstPort + 4,
	strictRewrite: firstPort + 5
};

export interface Host {
	name: string;
	/** The site's address on this host, with the base path and a trailing slash. */
	origin: string;
	base: string;
	/** The folder served. */
	dir: string;
	/** What a miss answers: 404.html (404) or 200.html (200). */
	miss: 404 | 200;
}

export const hosts = {
	nginxRoot: {
		name: 'nginx, error_page 404',
		base: '',
		dir: siteDir,
		miss: 404,
		port: ports.nginxRoot
	},
	nginxRewrite: {
		name: 'nginx, rewrite to 200.html',
		base: '',
		dir: siteDir,
		miss: 200,
		port: ports.nginxRewrite
	},
	nginxSubpath: {
		name: `nginx, sub-path ${BASE_PATH}`,
		base: BASE_PATH,
		dir: subpathDir,
		miss: 404,
		port: ports.nginxSubpath
	},
	strictRoot: {
		name: 'strict static (GitHub Pages)',
		base: '',
		dir: siteDir,
		miss: 404,
		port: ports.strictRoot
	},
	strictSubpath: {
		name: `strict static, sub-path ${BASE_PATH}`,
		base: BASE_PATH,
		dir: subpathDir,
		miss: 404,
		port: ports.strictSubpath
	},
	strictRewrite: {
		name: 'strict static, misses to 200.html (Surge)',
		base: '',
		dir: siteDir,
		miss: 200,
		port: ports.strictRewrite
	}
} satisfies Record<string, Omit<Host, 'origin'> & { port: number }>;

export type HostName = keyof typeof hosts;

export function host(name: HostName): Host {
	const { port, ...rest } = hosts[name];
	return { ...rest, origin: `http://127.0.0.1:${port}${rest.base}/` } as Host;
}

/** Builds the sub-path site into build-subpath/ (once per run: skipped if it is newer than build/). */
export function buildSubpathSite(): void {
	const stamp = join(subpathDir, '.built-from');
	const buildId = readFileSync(join(siteDir, '_app', 'version.json'), 'utf8');
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === buildId) return;
	execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		cwd: repo,
		env: { ...process.env, BASE_PATH, BUILD_DIR: 'build-subpath' },
		stdio: 'inherit'
	});
	writeFileSync(stamp, buildId);
}

const nginxBinary =
	['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path)) ?? 'nginx';

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
	for (let attempt = 0; attempt < 100; attempt++) {
		if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`);
		try {
			await fetch(`http://127.0.0.1:${port}/`);
			return;
		} catch {
			await new Promise((done) => setTimeout(done, 100));
		}
	}
	throw new Error(`nginx did not answer on port ${port}:\n${log()}`);
}

export interface Running {
	stop(): Promise<void>;
}

/** nginx with tests/deploy/nginx.conf, pid, logs and temp files in a fresh temp folder. */
export async function startNginx(): Promise<Running> {
	const temp = mkdtempSync(join(tmpdir(), 'deploy-nginx-'));
	// Started as root (CI), nginx's workers run as an unprivileged user: they must read it.
	chmodSync(temp, 0o755);
	// The sub-path build copied into a web root, as on a server: <www>/team/evidence/.
	const www = join(temp, 'www');
	mkdirSync(dirname(join(www, BASE_PATH)), { recursive: true });
	symlinkSync(subpathDir, join(www, BASE_PATH));
	const values: Record<string, string> = {
		TEMP: temp,
		MIME_TYPES: '/etc/nginx/mime.types',
		SITE: siteDir,
		WWW: www,
		BASE: BASE_PATH,
		PORT_ROOT: String(ports.nginxRoot),
		PORT_REWRITE: String(ports.nginxRewrite),
		PORT_SUBPATH: String(ports.nginxSubpath)
	};
	const template = readFileSync(join(import.meta.dirname, 'nginx.conf'), 'utf8');
	const config = template.replace(/@([A-Z_]+)@/g, (whole, key: string) => {
		if (!(key in values)) throw new Error(`nginx.conf: no value for ${whole}`);
		return values[key];
	});
	const configPath = join(temp, 'nginx.conf');
	writeFileSync(configPath, config);
	let output = '';
	const child = spawn(nginxBinary, ['-p', temp, '-c', configPath, '-g', 'daemon off;'], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const log = () => {
		const errors = join(temp, 'error.log');
		return output + (existsSync(errors) ? readFileSync(errors, 'utf8') : '');
	};
	await waitForPort(ports.nginxRoot, child, log);
	return {
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((done) => child.once('exit', done));
				child.kill('SIGQUIT');
				await exited;
			}
			rmSync(temp, { recursive: true, force: true });
		}
	};
}

/** The strict static server in its three modes. */
export async function startStrictServers(): Promise<Running> {
	const servers: Server[] = await Promise.all([
		startServer({ root: siteDir, port: ports.strictRoot, miss: '404' }),
		startServer({ root: subpathDir, base: BASE_PATH, port: ports.strictSubpath, miss: '404' }),
		startServer({ root: siteDir, port: ports.strictRewrite, miss: '200' })
	]);
	return {
		async stop() {
			await Promise.all(
				servers.map((server) => new Promise((done) => server.close(() => done(undefined))))
			);
		}
	};
}
