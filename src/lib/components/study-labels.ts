import { m } from '$lib/paraglide/messages';
import type { Arm, Design } from '$lib/evidence/schema';

export function designLabel(design: Design): string {
	switch (design) {
		case 'single-arm':
			return m.study_design_single_arm();
		case 'randomised':
			return m.study_design_randomised();
		case 'historical-control':
			return m.study_design_historical_control();
		case 'pharmacokinetic':
			return m.study_design_pharmacokinetic();
	}
}

export function armRoleLabel(role: Arm['role']): string {
	switch (role) {
		case 'experimental':
			return m.arm_experimental();
		case 'comparator':
			return m.arm_comparator();
		case 'historical-control':
			return m.arm_historical_control();
	}
}
