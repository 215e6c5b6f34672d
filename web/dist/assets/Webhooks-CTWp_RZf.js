import{g as ce,e as he,r as x,j as e,N as U,L as G}from"./react-Couqn75u.js";import{e as F,u as k}from"./vendor-B8ltes7y.js";import{u as O,b as ue,L as q,E as w,P as _,f as g,e as V,a as Y,g as v}from"./index-RCEZbQ8e.js";import{i as b,l as H,h as pe,a as d,G as E,B as N,D,d as c,n as S,T as xe,S as be,e as Q,s,r as J,m as K,j as P,t as B}from"./mantine-DrgVlX4X.js";v(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    enabled
    secretRotatedAt
    previousSecretExpiresAt
    createdAt
    updatedAt
  }
`);const je=v(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`),ve=v(`
  query WebhookEndpoint($id: ID!, $first: Int!, $after: String, $status: WebhookDeliveryStatus) {
    webhookEndpoint(id: $id) {
      ...WebhookEndpointFields
      deliveries(first: $first, after: $after, status: $status) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            eventId
            eventType
            occurredAt
            status
            attempts
            lastAttemptAt
            lastStatusCode
            lastError
            nextAttemptAt
            deliveredAt
          }
        }
      }
    }
  }
`),me=v(`
  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [WebhookEventType!]!, $description: String, $enabled: Boolean) {
    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description, enabled: $enabled) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`),X=v(`
  mutation UpdateWebhookEndpoint($id: ID!, $url: String, $eventTypes: [WebhookEventType!], $description: String, $enabled: Boolean) {
    updateWebhookEndpoint(id: $id, url: $url, eventTypes: $eventTypes, description: $description, enabled: $enabled) {
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`),ge=v(`
  mutation RotateWebhookEndpointSecret($id: ID!) {
    rotateWebhookEndpointSecret(id: $id) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`),Ee=v(`
  mutation RedeliverWebhookDelivery($id: ID!) {
    redeliverWebhookDelivery(id: $id) {
      delivery {
        id
        status
        attempts
        lastAttemptAt
        lastStatusCode
        lastError
        nextAttemptAt
        deliveredAt
      }
    }
  }
`),Te=v(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      deletedEndpointId
    }
  }
`),Z=[{value:"MEMBER_DEACTIVATED",label:"member.deactivated"},{value:"MEMBER_ACTIVATED",label:"member.activated"},{value:"MEMBER_DELETED",label:"member.deleted"},{value:"MEMBER_DETACHED",label:"member.detached"},{value:"USER_DEACTIVATED",label:"user.deactivated"},{value:"USER_ACTIVATED",label:"user.activated"},{value:"USER_DELETED",label:"user.deleted"}],f=n=>Z.find(r=>r.value===n)?.label??n,M={PENDING:"blue",RETRYING:"orange",SUCCEEDED:"green",FAILED:"red",CANCELLED:"gray"};function ee(n){const[r,p]=x.useState(n.initial?.url??""),[a,h]=x.useState(n.initial?.description??""),[u,m]=x.useState(n.initial?.eventTypes??[]),[T,j]=x.useState(!0),o=l=>{l.preventDefault(),n.onSubmit({url:r,description:a,eventTypes:u,enabled:T})};return e.jsx("form",{onSubmit:o,children:e.jsxs(b,{children:[e.jsx(P,{label:"URL",description:"https (plain http only for localhost)",placeholder:"https://example.com/roster-events",required:!0,value:r,onChange:l=>p(l.currentTarget.value),"data-autofocus":!0}),e.jsx(P,{label:"Description",placeholder:"What receives these events",value:a,onChange:l=>h(l.currentTarget.value)}),e.jsx(B.Group,{label:"Event types",description:"At least one.",value:u,onChange:m,children:e.jsx(b,{gap:4,mt:"xs",children:Z.map(l=>e.jsx(B,{value:l.value,label:l.label},l.value))})}),n.withEnabled&&e.jsx(D,{label:"Enabled",checked:T,onChange:l=>j(l.currentTarget.checked)}),e.jsxs(E,{justify:"flex-end",children:[e.jsx(c,{variant:"default",onClick:n.onCancel,children:"Cancel"}),e.jsx(c,{type:"submit",loading:n.fetching,children:n.submitLabel})]})]})})}function fe({opened:n,onClose:r}){return e.jsx(K,{opened:n,onClose:r,title:"Add a webhook endpoint",size:"lg",children:e.jsx(ke,{onClose:r})})}function ke({onClose:n}){const[r,p]=k(me),a=r.data?.createWebhookEndpoint;return a?e.jsxs(b,{children:[e.jsx(V,{title:"Signing secret",secret:a.secret,what:`Give this secret to the receiver at ${a.endpoint.url}: it verifies each delivery's webhook-signature with it.`}),e.jsx(E,{justify:"flex-end",children:e.jsx(c,{onClick:n,children:"Done"})})]}):e.jsxs(b,{children:[e.jsx(w,{error:r.error,title:"The endpoint was not added"}),e.jsx(ee,{submitLabel:"Add endpoint",withEnabled:!0,fetching:r.fetching,onCancel:n,onSubmit:h=>p({url:h.url,description:h.description,eventTypes:h.eventTypes,enabled:h.enabled})})]})}function De(){const n=O(),[{data:r,error:p,fetching:a}]=F({query:je,pause:!n.isOperator}),[h,u]=x.useState(!1),[m,T]=k(X);if(!n.isOperator)return e.jsx(U,{to:"/",replace:!0});const j=r?.webhookEndpoints??[];return e.jsxs(b,{gap:"sm",children:[e.jsx(_,{right:e.jsx(c,{onClick:()=>u(!0),children:"Add endpoint"}),children:"Webhooks"}),e.jsx(d,{size:"sm",c:"dimmed",children:"Roster posts member and user lifecycle events to these URLs, signed per the Standard Webhooks specification, retrying for about 28 hours."}),e.jsx(w,{error:m.error,title:"The endpoint was not changed"}),!r&&a?e.jsx(q,{label:"Loading webhook endpoints…"}):r?j.length===0?e.jsx(Y,{children:"No webhook endpoint yet."}):e.jsx(Q,{type:"auto",children:e.jsxs(s,{striped:!0,verticalSpacing:"xs",miw:760,"aria-label":"Webhook endpoints",children:[e.jsx(s.Thead,{children:e.jsxs(s.Tr,{children:[e.jsx(s.Th,{children:"URL"}),e.jsx(s.Th,{children:"Event types"}),e.jsx(s.Th,{children:"Enabled"}),e.jsx(s.Th,{children:"Created"})]})}),e.jsx(s.Tbody,{children:j.map(o=>e.jsxs(s.Tr,{"aria-label":o.url,children:[e.jsxs(s.Td,{children:[e.jsx(H,{component:G,to:`/operator/webhooks/${o.id}`,size:"sm",fw:500,style:{wordBreak:"break-all"},children:o.url}),o.description&&e.jsx(d,{size:"xs",c:"dimmed",children:o.description})]}),e.jsx(s.Td,{children:e.jsx(d,{size:"xs",children:o.eventTypes.map(f).join(", ")})}),e.jsx(s.Td,{children:e.jsx(D,{"aria-label":`Enabled: ${o.url}`,checked:o.enabled,onChange:l=>T({id:o.id,enabled:l.currentTarget.checked})})}),e.jsx(s.Td,{children:e.jsx(d,{size:"sm",children:g(o.createdAt)})})]},o.id))})]})}):e.jsx(w,{error:p,title:"The webhook endpoints cannot be loaded"}),e.jsx(fe,{opened:h,onClose:()=>u(!1)})]})}function $e(){const n=O(),{endpointId:r=""}=ce(),p=he(),[a,h]=x.useState(null),[u,m]=x.useState([null]),T=u[u.length-1]??null,[{data:j,error:o,fetching:l},te]=F({query:ve,variables:{id:r,first:20,after:T,status:a},pause:!n.isOperator}),[C,$]=k(X),[R,se]=k(ge),[W,ne]=k(Te),[ie,re]=k(Ee),[ae,A]=x.useState(!1),[z,oe]=x.useState(null),[le,I]=ue();if(!n.isOperator)return e.jsx(U,{to:"/",replace:!0});if(!j&&l)return e.jsx(q,{});if(!j)return e.jsx(w,{error:o,title:"This webhook endpoint cannot be shown"});const i=j.webhookEndpoint,L=i.deliveries.edges.map(t=>t.node),de=C.error??R.error??W.error??ie.error;return e.jsxs(b,{gap:"md",maw:1100,children:[e.jsx(H,{component:G,to:"/operator/webhooks",size:"sm",children:"← Webhooks"}),e.jsx(_,{children:"Webhook endpoint"}),e.jsx(w,{error:de,title:"The action failed"}),e.jsx(pe,{withBorder:!0,p:"md",children:e.jsxs(b,{gap:"xs",children:[e.jsx(d,{fw:500,style:{wordBreak:"break-all"},children:i.url}),i.description&&e.jsx(d,{size:"sm",children:i.description}),e.jsx(E,{gap:4,children:i.eventTypes.map(t=>e.jsx(N,{variant:"light",tt:"none",children:f(t)},t))}),e.jsxs(d,{size:"xs",c:"dimmed",children:["Created ",g(i.createdAt)," · secret made ",g(i.secretRotatedAt),i.previousSecretExpiresAt?` · the previous secret signs too until ${g(i.previousSecretExpiresAt)}`:""]}),e.jsxs(E,{gap:"xs",wrap:"wrap",children:[e.jsx(D,{label:"Enabled",checked:i.enabled,onChange:t=>$({id:i.id,enabled:t.currentTarget.checked})}),e.jsx(c,{size:"xs",variant:"light",onClick:()=>A(!0),children:"Edit"}),e.jsx(c,{size:"xs",variant:"light",color:"orange",loading:R.fetching,onClick:async()=>{if(!await I({title:"Rotate the signing secret?",body:"A new secret signs every delivery from now on; for 24 hours the current one signs too, so the receiver can switch without losing a delivery.",confirm:"Rotate secret",color:"orange"}))return;const y=await se({id:i.id});y.data&&oe(y.data.rotateWebhookEndpointSecret.secret)},children:"Rotate secret"}),e.jsx(c,{size:"xs",variant:"light",color:"red",loading:W.fetching,onClick:async()=>{if(!await I({title:"Delete this webhook endpoint?",body:`${i.url} stops receiving events; its deliveries are deleted and those not yet made are dropped. This cannot be undone.`,confirm:"Delete endpoint"}))return;(await ne({id:i.id})).data&&(S.show({message:`The endpoint ${i.url} was deleted.`}),p("/operator/webhooks"))},children:"Delete"})]}),z&&e.jsx(V,{title:"New signing secret",secret:z,what:"Give this secret to the receiver."})]})}),e.jsxs(b,{gap:"xs",children:[e.jsxs(E,{justify:"space-between",align:"flex-end",wrap:"wrap",children:[e.jsx(xe,{order:3,size:"h4",children:"Deliveries"}),e.jsxs(E,{gap:"xs",align:"flex-end",children:[e.jsx(be,{label:"Status",size:"xs",w:160,data:[{value:"",label:"All statuses"},...Object.keys(M).map(t=>({value:t,label:t.charAt(0)+t.slice(1).toLowerCase()}))],value:a??"",onChange:t=>{h(t||null),m([null])},allowDeselect:!1}),e.jsx(c,{size:"xs",variant:"default",onClick:()=>te({requestPolicy:"network-only"}),children:"Refresh"})]})]}),L.length===0?e.jsx(Y,{children:a?"No delivery in this status.":"Nothing was sent to this endpoint yet."}):e.jsx(Q,{type:"auto",children:e.jsxs(s,{striped:!0,verticalSpacing:"xs",miw:900,"aria-label":"Deliveries",children:[e.jsx(s.Thead,{children:e.jsxs(s.Tr,{children:[e.jsx(s.Th,{children:"Event"}),e.jsx(s.Th,{miw:130,children:"Status"}),e.jsx(s.Th,{children:"Attempts"}),e.jsx(s.Th,{children:"Last answer"}),e.jsx(s.Th,{children:"Next attempt"}),e.jsx(s.Th,{})]})}),e.jsx(s.Tbody,{children:L.map(t=>e.jsxs(s.Tr,{"aria-label":`${f(t.eventType)} ${t.eventId}`,children:[e.jsxs(s.Td,{children:[e.jsx(d,{size:"sm",children:f(t.eventType)}),e.jsxs(d,{size:"xs",c:"dimmed",children:[g(t.occurredAt)," · ",t.eventId]})]}),e.jsxs(s.Td,{children:[e.jsx(N,{color:M[t.status]??"gray",variant:"light",children:t.status.charAt(0)+t.status.slice(1).toLowerCase()}),t.deliveredAt&&e.jsx(d,{size:"xs",c:"dimmed",children:g(t.deliveredAt)})]}),e.jsx(s.Td,{children:t.attempts}),e.jsxs(s.Td,{children:[e.jsx(d,{size:"sm",children:t.lastStatusCode??(t.lastAttemptAt?"no answer":"—")}),t.lastError&&e.jsx(J,{label:t.lastError,multiline:!0,w:360,withinPortal:!0,children:e.jsx(d,{size:"xs",c:"red",lineClamp:2,maw:320,children:t.lastError})})]}),e.jsx(s.Td,{children:e.jsx(d,{size:"sm",children:t.nextAttemptAt?g(t.nextAttemptAt):"—"})}),e.jsx(s.Td,{children:e.jsx(we,{label:`Redeliver ${f(t.eventType)} ${t.eventId}`,reason:t.status==="PENDING"||t.status==="RETRYING"?"Still being attempted.":i.enabled?null:"The endpoint is disabled; enable it first.",onClick:async()=>{(await re({id:t.id})).data&&S.show({message:`${f(t.eventType)} will be sent again, with the same webhook-id.`})}})})]},t.id))})]})}),e.jsxs(E,{gap:"xs",justify:"flex-end",children:[e.jsxs(d,{size:"sm",c:"dimmed",children:["Page ",u.length]}),e.jsx(c,{variant:"default",size:"xs",disabled:u.length===1,onClick:()=>m(t=>t.slice(0,-1)),children:"Previous page"}),e.jsx(c,{variant:"default",size:"xs",disabled:!i.deliveries.pageInfo.hasNextPage,onClick:()=>m(t=>[...t,i.deliveries.pageInfo.endCursor??null]),children:"Next page"})]})]}),e.jsx(K,{opened:ae,onClose:()=>A(!1),title:"Edit the webhook endpoint",size:"lg",children:e.jsxs(b,{children:[e.jsx(w,{error:C.error,title:"The endpoint was not changed"}),e.jsx(ee,{initial:{url:i.url,description:i.description,eventTypes:i.eventTypes},submitLabel:"Save",withEnabled:!1,fetching:C.fetching,onCancel:()=>A(!1),onSubmit:async t=>{(await $({id:i.id,url:t.url,description:t.description,eventTypes:t.eventTypes})).data&&(A(!1),S.show({color:"green",message:"Endpoint saved."}))}})]})}),le]})}function we({label:n,reason:r,onClick:p}){const a=e.jsx(c,{size:"compact-xs",variant:"light","aria-label":n,disabled:r!==null,onClick:p,children:"Redeliver"});return r?e.jsx(J,{label:r,withinPortal:!0,children:e.jsx("span",{children:a})}):a}export{$e as OperatorWebhookPage,De as OperatorWebhooksPage};
