{{/* Name of the release's objects. */}}
{{- define "gitvirt.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object. */}}
{{- define "gitvirt.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Labels that select the pod. */}}
{{- define "gitvirt.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The controller configuration: the values' config plus the paths the chart mounts. */}}
{{- define "gitvirt.config" -}}
{{- $cfg := deepCopy .Values.config -}}
{{- $_ := set $cfg "listen" (printf ":%d" (int .Values.service.port)) -}}
{{- $_ := set $cfg "stateDir" "/var/lib/gitvirt" -}}
{{- $_ := set $cfg "ssh" (dict "identityFile" (printf "/etc/gitvirt/ssh/%s" .Values.secrets.sshKey.key)) -}}
{{- if and .Values.secrets.gitToken.secretName (hasKey $cfg.source "git") -}}
{{- $_ := set $cfg.source.git "tokenFile" (printf "/etc/gitvirt/git/%s" .Values.secrets.gitToken.key) -}}
{{- end -}}
{{- if .Values.secrets.webhook.secretName -}}
{{- $_ := set $cfg "webhook" (dict "secretFile" (printf "/etc/gitvirt/webhook/%s" .Values.secrets.webhook.key)) -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end -}}
